import StitchModel

/// The kinds of activity a generated community offers: the staples of UK social prescribing
/// (walking groups, allotments, knit and natter, choirs, lunch clubs, chair yoga, art classes,
/// conservation volunteering, toddler groups, digital drop-ins, men's sheds, reading groups,
/// ESOL conversation, coffee mornings online and off) and the peer-support groups GP practices
/// and the ward run. Weekly times are the usual ones: daytime on weekdays for most, evenings for
/// choirs and classes, Saturday mornings for volunteering.
enum ActivityCatalogue {
    typealias T = ActivityTemplate
    static let weekdays = T.weekdays

    static let all: [ActivityTemplate] = [
        T(
            name: "Health Walk",
            organisers: ["gp-rushey-green", "gp-lee", "gp-downham", "gp-sydenham", "parks-volunteers"],
            topics: ["walking"], ways: [.beActive, .connect, .takeNotice], days: weekdays, starts: [10, 10.5, 11],
            minutes: 90,
            capacity: 12...25, venue: .outdoor, weight: 2,
            description: "A free, gentle walk of about an hour on paths and through parks, led by trained volunteers "
                + "at a pace everyone can manage, with time to chat on the way."),
        T(
            name: "Allotment Session", organisers: ["sydenham-garden", "rgtb", "ha-phoenix"],
            topics: ["gardening", "food-growing"],
            ways: [.beActive, .takeNotice, .give, .connect], days: [.tue, .wed, .thu, .sat], starts: [10, 13],
            minutes: 180,
            capacity: 8...15, venue: .outdoor, weight: 1.5,
            description: "Grow fruit and vegetables together on a shared plot: digging, sowing, weeding and "
                + "harvesting, with tools provided and no experience needed."),
        T(
            name: "Gentle Gardening Group", organisers: ["sydenham-garden", "slam-ward", "sh-ravensbourne-court"],
            topics: ["gentle-gardening", "gardening"], ways: [.takeNotice, .connect, .beActive],
            days: [.mon, .wed, .fri],
            starts: [10.5, 13.5], minutes: 120, capacity: 8...12, venue: .garden, seated: true,
            description: "Unhurried gardening at raised beds you can work sitting down: potting, planting and "
                + "tending the garden in good company, at your own pace."),
        T(
            name: "Knit and Natter",
            organisers: ["rgtb", "faith-st-laurence", "sh-kirkdale-lodge", "age-uk-lewisham", "lewisham-libraries"],
            topics: ["knitting", "crochet"], ways: [.connect, .keepLearning, .give], days: weekdays,
            starts: [10, 13.5, 14],
            minutes: 120, capacity: 10...16, venue: .hall, seated: true, weight: 1.5,
            description: "Bring your knitting or crochet, or learn from scratch with yarn and needles provided; "
                + "tea, biscuits and conversation."),
        T(
            name: "Community Choir", organisers: ["faith-st-pauls-deptford", "rgtb", "lewisham-libraries"],
            topics: ["choir", "singing"],
            ways: [.connect, .keepLearning], days: [.mon, .tue, .wed, .thu], starts: [19, 19.5], minutes: 120,
            capacity: 20...30,
            venue: .hall, costs: [0, 0, 3]),
        T(
            name: "Singing for the Brain", organisers: ["age-uk-lewisham", "sh-ravensbourne-court"],
            topics: ["singing", "memory-cafe"],
            ways: [.connect, .takeNotice], days: weekdays, starts: [10.5, 14], minutes: 90, capacity: 12...20,
            venue: .hall,
            seated: true, dementiaFriendly: true, ageMin: 55),
        T(
            name: "Friendship Lunch Club",
            organisers: ["age-uk-lewisham", "faith-st-laurence", "faith-lewisham-islamic-centre", "ha-phoenix"],
            topics: ["lunch-club", "cooking"], ways: [.connect, .give], days: weekdays, starts: [12], minutes: 120,
            capacity: 20...30, venue: .hall, seated: true, ageMin: 60, ageLimitChance: 0.5, costs: [3.5, 4, 0],
            weight: 1.5),
        T(
            name: "Chair Yoga", organisers: ["gp-lee", "gp-honor-oak", "sh-kirkdale-lodge", "age-uk-lewisham"],
            topics: ["chair-yoga", "chair-exercise"], ways: [.beActive, .takeNotice], days: weekdays,
            starts: [10.5, 11, 14],
            minutes: 60, capacity: 10...16, venue: .hall, seated: true, online: 0.1, costs: [0, 0, 2], weight: 1.5),
        T(
            name: "Tai Chi in the Park", organisers: ["parks-volunteers", "gp-sydenham"], topics: ["tai-chi"],
            ways: [.beActive, .takeNotice], days: [.tue, .thu, .sat], starts: [9.5, 10], minutes: 60, capacity: 10...20,
            venue: .outdoor),
        T(
            name: "Art Class", organisers: ["rgtb", "lewisham-libraries", "youth-deptford"],
            topics: ["painting", "drawing"],
            ways: [.keepLearning, .takeNotice, .connect], days: weekdays, starts: [10, 14, 18.5], minutes: 120,
            capacity: 8...14,
            venue: .upstairs, costs: [0, 3, 5], weight: 1.5),
        T(
            name: "Watercolour Workshop", organisers: ["age-uk-lewisham", "sydenham-garden"], topics: ["painting"],
            ways: [.keepLearning, .takeNotice], days: [.wed, .sat], starts: [10, 14], minutes: 150, capacity: 8...12,
            venue: .hall,
            seated: true, costs: [0, 5]),
        T(
            name: "Conservation Volunteering", organisers: ["parks-volunteers", "sydenham-garden"],
            topics: ["environmental-volunteering", "wildlife"], ways: [.give, .beActive, .takeNotice],
            days: [.tue, .sat],
            starts: [10], minutes: 180, capacity: 10...25, venue: .outdoor, weight: 1.5),
        T(
            name: "Litter Pick", organisers: ["parks-volunteers", "youth-deptford", "faith-st-pauls-deptford"],
            topics: ["environmental-volunteering", "recycling"], ways: [.give, .beActive, .connect],
            days: [.sat, .sun],
            starts: [10, 11], minutes: 120, capacity: 10...30, venue: .outdoor),
        T(
            name: "Stay and Play",
            organisers: ["parents-brockley", "faith-st-laurence", "sh-ravensbourne-court", "lewisham-libraries"],
            topics: ["toddler-group", "storytime"], ways: [.connect, .beActive], days: weekdays, starts: [9.5, 10],
            minutes: 120,
            capacity: 15...25, venue: .hall, weight: 1.5),
        T(
            name: "Digital Drop-in", organisers: ["lewisham-libraries", "age-uk-lewisham", "youth-deptford", "rgtb"],
            topics: ["computer-help", "video-calls", "online-safety"], ways: [.keepLearning, .connect], days: weekdays,
            starts: [10, 14], minutes: 120, capacity: 8...12, venue: .hall, online: 0.1, weight: 1.5),
        T(
            name: "Men's Shed", organisers: ["rgtb", "ha-phoenix"], topics: ["mens-shed", "woodwork", "diy"],
            ways: [.connect, .give, .keepLearning], days: [.tue, .thu], starts: [10], minutes: 180, capacity: 10...15,
            venue: .hall, ageMin: 18),
        T(
            name: "Reading Group", organisers: ["lewisham-libraries", "age-uk-lewisham"],
            topics: ["reading-group", "discussion-group"],
            ways: [.keepLearning, .connect], days: weekdays, starts: [14, 18.5], minutes: 90, capacity: 8...14,
            venue: .hall,
            online: 0.15),
        T(
            name: "ESOL Conversation Club",
            organisers: ["faith-lewisham-islamic-centre", "lewisham-libraries", "faith-st-pauls-deptford"],
            topics: ["english-conversation", "language-exchange"], ways: [.connect, .keepLearning], days: weekdays,
            starts: [10, 18], minutes: 90, capacity: 12...20, venue: .hall, online: 0.1, weight: 1.2),
        T(
            name: "Online Coffee Morning", organisers: ["age-uk-lewisham", "rgtb"],
            topics: ["coffee-morning", "discussion-group"],
            ways: [.connect], days: weekdays, starts: [10.5], minutes: 60, capacity: 12...20, venue: .hall, online: 1,
            weight: 2.5),
        T(
            name: "Online Quiz and Chat", organisers: ["age-uk-lewisham", "lewisham-libraries"],
            topics: ["quiz", "games"],
            ways: [.connect, .keepLearning], days: [.tue, .thu, .sun], starts: [15, 19], minutes: 60, capacity: 15...30,
            venue: .hall, online: 1, weight: 1.5),
        T(
            name: "Coffee Morning", organisers: ["faith-st-laurence", "sh-kirkdale-lodge", "ha-phoenix", "gp-downham"],
            topics: ["coffee-morning", "games"], ways: [.connect], days: weekdays, starts: [10], minutes: 120,
            capacity: 15...30,
            venue: .hall, seated: true, costs: [0, 1]),
        T(
            name: "Poetry Afternoon", organisers: ["rgtb", "slam-ward", "lewisham-libraries"],
            topics: ["poetry", "creative-writing"],
            ways: [.connect, .takeNotice, .keepLearning], days: [.mon, .wed, .thu], starts: [14, 14.5], minutes: 120,
            capacity: 8...16, venue: .hall, online: 0.15),
        T(
            name: "Creative Writing Group", organisers: ["lewisham-libraries", "youth-deptford"],
            topics: ["creative-writing", "poetry"],
            ways: [.keepLearning, .takeNotice], days: [.tue, .thu], starts: [18.5], minutes: 120, capacity: 8...12,
            venue: .upstairs, online: 0.2),
        T(
            name: "Walking Football", organisers: ["gp-deptford", "youth-deptford"], topics: ["walking-football"],
            ways: [.beActive, .connect], days: [.mon, .fri], starts: [11, 18], minutes: 60, capacity: 14...24,
            venue: .outdoor,
            ageMin: 50, costs: [0, 2]),
        T(
            name: "Seated Exercise", organisers: ["sh-ravensbourne-court", "sh-kirkdale-lodge", "age-uk-lewisham"],
            topics: ["chair-exercise", "strength-and-balance"], ways: [.beActive, .connect], days: weekdays,
            starts: [10.5, 14],
            minutes: 60, capacity: 10...16, venue: .hall, seated: true, ageMin: 60, ageLimitChance: 0.5, weight: 1.2),
        T(
            name: "Strength and Balance Class", organisers: ["gp-rushey-green", "gp-lee", "gp-honor-oak"],
            topics: ["strength-and-balance"], ways: [.beActive], days: weekdays, starts: [10, 11], minutes: 60,
            capacity: 8...12,
            venue: .hall, ageMin: 65),
        T(
            name: "Tea Dance", organisers: ["age-uk-lewisham", "faith-st-laurence"],
            topics: ["dance", "music-appreciation"],
            ways: [.beActive, .connect], days: [.wed, .sun], starts: [14], minutes: 120, capacity: 20...30,
            venue: .hall,
            costs: [2, 3]),
        T(
            name: "Bingo and Tea", organisers: ["sh-ravensbourne-court", "sh-kirkdale-lodge", "ha-phoenix"],
            topics: ["bingo", "refreshments"], ways: [.connect], days: weekdays, starts: [14], minutes: 120,
            capacity: 15...30,
            venue: .hall, seated: true),
        T(
            name: "Memory Cafe", organisers: ["age-uk-lewisham", "gp-lee"],
            topics: ["memory-cafe", "reminiscence", "peer-support-dementia"],
            ways: [.connect, .takeNotice], days: weekdays, starts: [14], minutes: 120, capacity: 10...20, venue: .hall,
            seated: true, dementiaFriendly: true),
        T(
            name: "Carers' Support Group", organisers: ["gp-rushey-green", "gp-honor-oak", "age-uk-lewisham"],
            topics: ["peer-support-carers", "listening"], ways: [.connect, .give], days: weekdays,
            starts: [10.5, 18.5],
            minutes: 90, capacity: 8...14, venue: .hall, online: 0.2, buddyWelcome: 0.6),
        T(
            name: "Diabetes Peer Support Group", organisers: ["gp-lee", "gp-deptford", "gp-downham"],
            topics: ["peer-support-diabetes", "healthy-eating"], ways: [.connect, .keepLearning, .give], days: weekdays,
            starts: [18], minutes: 90, capacity: 8...15, venue: .hall, online: 0.15, buddyWelcome: 0.6),
        T(
            name: "Bereavement Cafe", organisers: ["faith-st-laurence", "faith-st-pauls-deptford"],
            topics: ["peer-support-bereavement", "coffee-morning"], ways: [.connect], days: weekdays, starts: [14],
            minutes: 90,
            capacity: 8...14, venue: .hall, buddyWelcome: 0.6),
        T(
            name: "Recovery Cafe", organisers: ["slam-ward"],
            topics: ["peer-support-mental-health", "peer-support-addiction", "mindfulness"],
            ways: [.connect, .give, .takeNotice], days: [.tue, .fri], starts: [13, 17], minutes: 120, capacity: 10...20,
            venue: .hall, ageMin: 18, buddyWelcome: 0.7),
        T(
            name: "Cook and Eat", organisers: ["ha-phoenix", "gp-downham", "faith-lewisham-islamic-centre"],
            topics: ["cooking", "healthy-eating"], ways: [.connect, .keepLearning], days: weekdays, starts: [11],
            minutes: 150,
            capacity: 8...12, venue: .hall, weight: 1.2),
        T(
            name: "Food Bank Volunteering", organisers: ["faith-st-pauls-deptford", "faith-lewisham-islamic-centre"],
            topics: ["food-bank"], ways: [.give, .connect], days: [.wed, .fri, .sat], starts: [10], minutes: 180,
            capacity: 8...15, venue: .hall),
        T(
            name: "Repair Cafe", organisers: ["rgtb", "lewisham-libraries"],
            topics: ["repair-cafe", "sewing", "bike-maintenance"],
            ways: [.give, .keepLearning, .connect], days: [.sat], starts: [11], minutes: 180, capacity: 10...20,
            venue: .hall),
        T(
            name: "Sewing Circle", organisers: ["faith-st-laurence", "ha-phoenix", "rgtb"],
            topics: ["sewing", "embroidery", "quilting"],
            ways: [.connect, .keepLearning, .give], days: weekdays, starts: [13.5], minutes: 120, capacity: 8...12,
            venue: .upstairs, seated: true),
        T(
            name: "Ukulele Group", organisers: ["lewisham-libraries", "youth-deptford"],
            topics: ["ukulele", "playing-music"],
            ways: [.keepLearning, .connect], days: [.mon, .thu], starts: [18.5, 19], minutes: 90, capacity: 10...16,
            venue: .hall, costs: [0, 2]),
        T(
            name: "Family History Group", organisers: ["lewisham-libraries"], topics: ["family-history", "history"],
            ways: [.keepLearning, .takeNotice], days: weekdays, starts: [14], minutes: 120, capacity: 8...14,
            venue: .upstairs,
            online: 0.2),
        T(
            name: "Local History Walk", organisers: ["lewisham-libraries", "parks-volunteers"],
            topics: ["history", "walking"],
            ways: [.keepLearning, .beActive, .takeNotice], days: [.sat, .sun], starts: [11], minutes: 120,
            capacity: 10...25,
            venue: .outdoor),
        T(
            name: "Mindfulness Session", organisers: ["gp-honor-oak", "slam-ward", "lewisham-libraries"],
            topics: ["mindfulness", "relaxation"], ways: [.takeNotice], days: weekdays, starts: [12.5, 18.5],
            minutes: 60,
            capacity: 10...20, venue: .hall, online: 0.3),
        T(
            name: "Board Games Night", organisers: ["youth-deptford", "lewisham-libraries"], topics: ["games", "quiz"],
            ways: [.connect], days: [.tue, .fri], starts: [18.5], minutes: 150, capacity: 12...24, venue: .hall),
        T(
            name: "Photography Walk", organisers: ["parks-volunteers", "youth-deptford"],
            topics: ["photography", "nature-walks"],
            ways: [.takeNotice, .beActive, .keepLearning], days: [.sat, .sun], starts: [10, 14], minutes: 120,
            capacity: 8...15,
            venue: .outdoor),
        T(
            name: "Dog Walking Group", organisers: ["parks-volunteers"], topics: ["dog-walking", "walking"],
            ways: [.beActive, .connect], days: [.sat, .sun, .wed], starts: [9, 10], minutes: 60, capacity: 10...20,
            venue: .outdoor),
        T(
            name: "Led Bike Ride", organisers: ["parks-volunteers", "youth-deptford"], topics: ["cycling"],
            ways: [.beActive, .takeNotice], days: [.sat, .sun], starts: [10], minutes: 150, capacity: 8...16,
            venue: .outdoor,
            ageMin: 18),
        T(
            name: "Zumba Gold", organisers: ["age-uk-lewisham", "ha-phoenix"], topics: ["zumba", "dance"],
            ways: [.beActive, .connect], days: weekdays, starts: [11, 18], minutes: 60, capacity: 15...30, venue: .hall,
            ageMin: 50, costs: [3, 4]),
        T(
            name: "Youth Football", organisers: ["youth-deptford"], topics: ["football"], ways: [.beActive, .connect],
            days: [.wed, .sat], starts: [17.5, 11], minutes: 90, capacity: 16...24, venue: .outdoor, ageMin: 18,
            ageMax: 25),
        T(
            name: "Parents' Peer Support", organisers: ["parents-brockley"],
            topics: ["parenting-support", "listening"],
            ways: [.connect, .give], days: weekdays, starts: [10, 19.5], minutes: 90, capacity: 8...14, venue: .hall,
            online: 0.25),
    ]
}
