/// The one stylesheet of the web pages, served at `/static/stitch.css`: readable on a phone
/// first, dark text on light backgrounds (contrast 7:1 or more for body text), a visible focus
/// ring for keyboard use, score bars drawn by width classes (no inline styles, so the pages'
/// Content-Security-Policy can forbid them), and a print style that keeps the summary for a
/// GP record and drops the navigation and forms.
enum Stylesheet {
    static let path = "/static/stitch.css"

    static let css: String = {
        var rules = base
        // .w-0 … .w-100: a bar's width in steps of 5 %.
        for step in stride(from: 0, through: 100, by: 5) { rules += ".w-\(step){width:\(step)%}\n" }
        return rules + print
    }()

    /// The width class of a value in [0, 1]: `w-80` for 0.81.
    static func widthClass(_ value: Double) -> String {
        let clamped = value.isFinite ? min(1, max(0, value)) : 0
        return "w-\(Int((clamped * 20).rounded()) * 5)"
    }

    private static let base = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-size:100%;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
        a{color:#0b4fa8}
        a:visited{color:#5a2d8c}
        a:hover{color:#072f66}
        :focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
        .skip{position:absolute;left:-9999px;top:0;background:#ffbf47;color:#1b1b1b;padding:.5rem 1rem;z-index:10}
        .skip:focus{left:.5rem}
        .visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        header.site{background:#123d63;color:#fff}
        header.site .masthead{max-width:64rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem}
        header.site a{color:#fff}
        .brand{font-weight:700;font-size:1.3rem;text-decoration:none;margin-right:auto}
        header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
        header.site nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
        .logout{display:flex;align-items:center;gap:.5rem;margin:0;font-size:.95rem}
        button.link{background:none;border:0;box-shadow:none;min-height:0;color:#fff;text-decoration:underline;padding:0;font:inherit;font-weight:400;cursor:pointer}
        main{max-width:64rem;margin:0 auto;padding:1rem}
        footer.site{max-width:64rem;margin:2rem auto 1rem;padding:0 1rem;color:#444;font-size:.9rem}
        h1{font-size:1.8rem;line-height:1.2;margin:.5rem 0 1rem}
        h2{font-size:1.35rem;margin:1.6rem 0 .6rem}
        h3{font-size:1.1rem;margin:1rem 0 .4rem}
        p.lead{font-size:1.1rem}
        .narrow{max-width:28rem}
        form.page-form{background:#f3f6f9;border:1px solid #c9d3dd;border-radius:6px;padding:1rem;margin-bottom:1.5rem}
        fieldset{border:1px solid #c9d3dd;border-radius:6px;margin:0 0 1rem;padding:.6rem 1rem 0}
        legend{font-weight:700;padding:0 .3rem}
        .field{margin-bottom:1rem}
        label,.label{display:block;font-weight:600;margin-bottom:.2rem}
        .hint{color:#444;margin:0 0 .3rem;font-size:.95rem}
        input[type=text],input[type=password],input[type=number],input[type=date],input[type=search],input:not([type]),select,textarea{
          font:inherit;width:100%;max-width:32rem;padding:.45rem .55rem;border:2px solid #1b1b1b;border-radius:3px;background:#fff;color:#1b1b1b}
        input[type=number]{max-width:9rem}
        textarea{min-height:5.5rem;max-width:100%}
        input[type=file]{font:inherit}
        .checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:0 1rem;margin:0 0 1rem;padding:0;list-style:none}
        .checks label{font-weight:400;display:flex;align-items:center;gap:.4rem;min-height:2.75rem}
        .checks input{width:1.4rem;height:1.4rem;margin:0}
        .row{display:flex;flex-wrap:wrap;gap:0 1rem}
        .row .field{flex:1 1 9rem}
        button,.button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;min-height:2.75rem;cursor:pointer;box-shadow:0 2px 0 #002d18}
        button:hover{background:#005a30}
        button.secondary{background:#e8edf2;color:#1b1b1b;box-shadow:0 2px 0 #8a99a8}
        .has-error{border-left:5px solid #b10e1e;padding-left:.8rem}
        .has-error input,.has-error textarea,.has-error select{border-color:#b10e1e}
        .field-error{color:#b10e1e;font-weight:600;margin:0 0 .3rem}
        .error-summary{border:4px solid #b10e1e;padding:.8rem 1rem;margin-bottom:1.2rem}
        .error-summary h2{margin-top:0;font-size:1.2rem}
        .error-summary a{color:#b10e1e;font-weight:600}
        .notice{border-left:6px solid #0b4fa8;background:#eef4fb;padding:.6rem 1rem;margin:1rem 0}
        .success{border:4px solid #00703c;padding:.8rem 1rem;margin-bottom:1.2rem}
        ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
        .card{border:1px solid #c9d3dd;border-radius:6px;padding:1rem;background:#f7f9fb}
        .card h2{margin-top:0;font-size:1.2rem}
        ol.results{list-style:none;padding:0;margin:0}
        .result{border:1px solid #c9d3dd;border-radius:6px;padding:1rem;margin-bottom:1rem}
        .result h3{margin-top:0}
        .result .id{color:#444;font-weight:400;font-size:.95rem}
        .score-line{display:flex;align-items:center;gap:.6rem;font-weight:700}
        .bar{display:inline-block;vertical-align:middle;width:8rem;height:.9rem;background:#e3e8ee;border:1px solid #8a99a8;border-radius:2px;overflow:hidden}
        .bar span{display:block;height:100%;background:#123d63}
        .score-line .bar{flex:1 1 auto;width:auto;max-width:20rem}
        .factors{list-style:none;padding:0;margin:.6rem 0;font-size:.95rem}
        .factors li{display:grid;grid-template-columns:minmax(7rem,11rem) 1fr 3rem;gap:.6rem;align-items:center;margin:.15rem 0}
        .factors .bar{display:block;width:auto;height:.7rem;max-width:none}
        .factors .bar span{background:#2e7d55}
        .factors .num{text-align:right;font-variant-numeric:tabular-nums}
        .buddy{background:#f3f6f9;border-radius:4px;padding:.5rem .8rem;margin-top:.6rem}
        .reasons{margin:.3rem 0 .3rem 1.2rem;padding:0}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
        th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #c9d3dd;vertical-align:top}
        thead th{background:#f3f6f9}
        .table-wrap{overflow-x:auto}
        .picture{margin:1rem 0;overflow-x:auto}.picture svg{max-width:100%;height:auto}
        .nowrap{white-space:nowrap}
        .count{display:inline-block;min-width:2.4rem;text-align:right;font-variant-numeric:tabular-nums}
        td .bar{width:6rem;margin-left:.4rem}
        .ids{column-width:9rem;padding-left:1.2rem}
        .summary-box{width:100%;min-height:12rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
        .print-only{display:none}
        .inline-form{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1rem;margin-top:.8rem;padding-top:.8rem;border-top:1px dashed #c9d3dd}
        .inline-form .field{margin-bottom:0}
        @media (max-width:40rem){h1{font-size:1.5rem}.factors li{grid-template-columns:7.5rem 1fr 2.6rem}main{padding:.8rem}
          form.page-form{padding:.7rem}fieldset{padding:.5rem .6rem 0}fieldset fieldset{border-width:1px 0 0;padding:.5rem 0 0}
          .result{padding:.7rem}.checks{grid-template-columns:1fr 1fr}}

        """

    private static let print = """
        @media print{
          header.site,footer.site,form,.no-print,.skip{display:none!important}
          .print-only{display:block}
          body{font-size:11pt;color:#000}
          main{max-width:none;padding:0}
          .result{break-inside:avoid;border-color:#999}
          a{color:#000;text-decoration:none}
          .bar{border-color:#000}
          .bar span,.factors .bar span{background:#000;print-color-adjust:exact;-webkit-print-color-adjust:exact}
        }

        """
}
