/// The header labels TimeOverflow writes in its CSV reports, in each language it ships, so that
/// an export is recognised whatever language the coordinator's account uses.
///
/// TimeOverflow (a Rails time bank application, github.com/coopdevs/timeoverflow) writes its
/// reports from `app/decorators/report/*_decorator.rb`; the headers are its translations:
///
/// | report | columns |
/// |---|---|
/// | users (members) | `N`, username, email, phone, alternative phone, created, last login, locale, balance |
/// | offers, inquiries (posts) | an empty header, the post type (`Offer` / `Request`), tags, user, created |
/// | transfers | date, from, to, post, quantity |
///
/// A posts report lists each category as a row of its own (`""`, the category's name, then empty
/// cells) followed by its posts; the user cell is `username (member number)`; a transfer's from
/// and to cells are the same (or the time bank's own name, or a note that the user is gone); its
/// quantity is hours and minutes, `H:MM`.
enum TimeOverflowLabels {
    /// The post-type header of an offers report, by language (en, ca, es, eu, fr, gl, ja, nl, pt-BR).
    static let offer: Set<String> = ["offer", "oferta", "offre", "eskaintza", "aanbieding", "オファー"]
    /// The post-type header of an inquiries report (TimeOverflow calls them requests in English).
    static let inquiry: Set<String> = ["request", "inquiry", "demanda", "demande", "eskaera", "verzoek", "リクエスト"]
    /// The first header of a users report.
    static let usersFirst = "n"
    /// The number of columns of each report.
    static let usersColumns = 9
    static let postsColumns = 5
    static let transfersColumns = 5
    /// The transfers report's header in English.
    static let transfersEnglish = ["date", "from", "to", "post", "quantity"]
    /// Words in the names TimeOverflow gives its files (`Offers_2026-03-02.csv`,
    /// `Lewisham_Requests_2026-03-02.csv`), for a posts report whose header does not tell.
    static let offerFileWords = ["offer", "ofert", "offre", "eskaintz", "aanbieding"]
    static let inquiryFileWords = ["inquir", "request", "demand", "eskaer", "verzoek"]
}
