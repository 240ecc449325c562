/// The pages' own templates (see ``LayoutTemplates`` for what they share).
enum PageTemplates {
    static let home = """
        <h1>Hello, {{accountName}}</h1>
        <p class="lead">You are logged in as {{accountRole}}. What would you like to do?</p>
        {{#hasLinks}}
        <ul class="cards">
        {{#links}}<li class="card"><h2><a href="{{href}}">{{label}}</a></h2><p>{{description}}</p></li>
        {{/links}}
        </ul>
        {{/hasLinks}}
        {{^hasLinks}}<p>Your account has no pages yet: ask an administrator.</p>{{/hasLinks}}

        """

    static let login = """
        <h1>Log in to Stitch</h1>
        {{#loginMessage}}<div class="error-summary" role="alert"><p>{{loginMessage}}</p></div>{{/loginMessage}}
        {{#loggedOut}}<div class="success" role="status"><p>You have logged out.</p></div>{{/loggedOut}}
        <form method="post" action="/login" class="page-form narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <div class="field">
        <label for="name">Account name</label>
        <input id="name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" value="{{loginName}}" required>
        </div>
        <div class="field">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        </div>
        <button type="submit">Log in</button>
        </form>
        <p>No account? An administrator makes one with <code>stitch account add</code>.</p>

        """

    static let message = """
        <h1>{{messageTitle}}</h1>
        <p class="lead">{{messageText}}</p>
        <p><a href="{{messageLink}}">{{messageLinkText}}</a></p>

        """

    static let refer = """
        <h1>Refer someone to activities</h1>
        <p class="lead">Say who the person is and what matters to them. Stitch suggests activities, each with a member who could go along the first time.</p>
        {{>errorSummary}}
        <form method="post" action="/refer" class="page-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <fieldset>
        <legend>Who is being referred</legend>
        {{#fields.member}}{{>field}}{{/fields.member}}
        <fieldset>
        <legend>Or a new person, not yet a member</legend>
        <p class="hint">Leave the member id empty and describe the person here.</p>
        {{#fields.postcode}}{{>field}}{{/fields.postcode}}
        <div class="row">
        {{#fields.lat}}{{>field}}{{/fields.lat}}
        {{#fields.lon}}{{>field}}{{/fields.lon}}
        {{#fields.birthYear}}{{>field}}{{/fields.birthYear}}
        </div>
        {{#fields.free}}{{>field}}{{/fields.free}}
        {{#access}}{{>checkboxes}}{{/access}}
        </fieldset>
        </fieldset>
        <fieldset>
        <legend>What matters to them</legend>
        {{#fields.reason}}{{>textArea}}{{/fields.reason}}
        {{#goals}}{{>checkboxes}}{{/goals}}
        {{#fields.interests}}{{>field}}{{/fields.interests}}
        </fieldset>
        <button type="submit">Find activities</button>
        </form>
        {{#results}}
        <section aria-labelledby="results-title">
        <h2 id="results-title" tabindex="-1">{{resultsTitle}}</h2>
        <p>{{resultsLine}}</p>
        {{#hasNotes}}<div class="notice"><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul></div>{{/hasNotes}}
        {{#hasReading}}<div class="notice"><p>How the reason was read: {{readingText}}</p></div>{{/hasReading}}
        {{#oneToOneFirst}}{{>oneToOne}}{{/oneToOneFirst}}
        <ol class="results no-print">
        {{#matches}}
        <li class="result">
        <h3>{{rank}}. {{matchName}} <span class="id">({{matchID}})</span></h3>
        <p class="score-line"><span>Score {{matchScore}}<span class="visually-hidden"> out of 1</span></span>{{>bar}}</p>
        {{>factors}}
        <ul class="reasons">{{#matchReasons}}<li>{{.}}</li>{{/matchReasons}}</ul>
        {{#hasBuddy}}<div class="buddy"><p><strong>Go along with {{buddyName}}</strong> <span class="id">({{buddyID}}, buddy score {{buddyScore}})</span></p>
        <ul class="reasons">{{#buddyReasons}}<li>{{.}}</li>{{/buddyReasons}}</ul></div>{{/hasBuddy}}
        {{^hasBuddy}}<p class="buddy">No member is free to go along this time.</p>{{/hasBuddy}}
        {{#hasLift}}<div class="buddy"><p><strong>A lift from {{liftName}}</strong> <span class="id">({{liftID}})</span></p>
        <ul class="reasons">{{#liftReasons}}<li>{{.}}</li>{{/liftReasons}}</ul></div>{{/hasLift}}
        </li>
        {{/matches}}
        </ol>
        {{^hasMatches}}<p>No activity fits all the rules for this person. The counts below say which rules left them out.</p>{{/hasMatches}}
        {{>excluded}}
        {{^oneToOneFirst}}{{>oneToOne}}{{/oneToOneFirst}}
        <h2>Summary for the GP record</h2>
        <p class="no-print">Copy this into the record, or print the page: the printout keeps this summary only.</p>
        <label for="summary" class="no-print">Summary to copy</label>
        <textarea id="summary" class="summary-box no-print" readonly>{{summary}}</textarea>
        <pre class="print-only">{{summary}}</pre>
        </section>
        {{/results}}

        """

    static let help = """
        <h1>Who can help?</h1>
        <p class="lead">Describe the help wanted, when and where. Stitch ranks the members who could help, with its reasons.</p>
        {{>errorSummary}}
        <form method="post" action="/help" class="page-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields.need}}{{>field}}{{/fields.need}}
        {{#fields.when}}{{>field}}{{/fields.when}}
        <fieldset>
        <legend>Where</legend>
        {{#fields.requester}}{{>field}}{{/fields.requester}}
        <p class="hint">Or, for someone who is not a member, where the help is needed:</p>
        <div class="row">
        {{#fields.lat}}{{>field}}{{/fields.lat}}
        {{#fields.lon}}{{>field}}{{/fields.lon}}
        </div>
        </fieldset>
        {{#options}}{{>checkboxes}}{{/options}}
        <button type="submit">Find helpers</button>
        </form>
        {{#results}}
        <section aria-labelledby="results-title">
        <h2 id="results-title" tabindex="-1">{{resultsTitle}}</h2>
        <p>{{resultsLine}}</p>
        {{#hasNotes}}<div class="notice"><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul></div>{{/hasNotes}}
        {{^canRecord}}<p class="notice">To record an exchange, give the requester's member id: only members earn and spend time credits.</p>{{/canRecord}}
        <ol class="results">
        {{#matches}}
        <li class="result">
        <h3>{{rank}}. {{matchName}} <span class="id">({{matchID}})</span></h3>
        <p class="score-line"><span>Score {{matchScore}}<span class="visually-hidden"> out of 1</span></span>{{>bar}}</p>
        {{>factors}}
        <ul class="reasons">{{#matchReasons}}<li>{{.}}</li>{{/matchReasons}}</ul>
        {{#canRecord}}
        <form method="post" action="/help/exchange" class="inline-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="giver" value="{{matchID}}">
        <input type="hidden" name="receiver" value="{{requesterID}}">
        <input type="hidden" name="skill" value="{{need}}">
        <div class="field"><label for="hours-{{rank}}">Hours <span class="visually-hidden">given by {{matchName}}</span></label>
        <input id="hours-{{rank}}" name="hours" type="number" step="0.25" min="0" value="1" inputmode="decimal"></div>
        <div class="field"><label for="date-{{rank}}">Date <span class="visually-hidden">of the help from {{matchName}}</span></label>
        <input id="date-{{rank}}" name="date" type="date" value="{{today}}"></div>
        <button type="submit" class="secondary">Record the exchange with {{matchName}}</button>
        </form>
        {{/canRecord}}
        </li>
        {{/matches}}
        </ol>
        {{^hasMatches}}<p>Nobody fits all the rules for this request. The counts below say which rules left members out.</p>{{/hasMatches}}
        {{>excluded}}
        </section>
        {{/results}}

        """

    static let exchange = """
        {{#recorded}}
        <div class="success" role="status" tabindex="-1">
        <h1>Exchange recorded</h1>
        <p>{{giverID}} gave {{hours}} to {{receiverID}}{{#date}} on {{date}}{{/date}}.</p>
        <p>Time credit balances now: {{giverID}} {{giverBalance}}, {{receiverID}} {{receiverBalance}}.</p>
        </div>
        <p><a href="/help">Find help for someone else</a></p>
        {{/recorded}}
        {{^recorded}}
        <h1>Record an exchange</h1>
        {{>errorSummary}}
        <form method="post" action="/help/exchange" class="page-form narrow" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="giver" value="{{giverID}}">
        <input type="hidden" name="receiver" value="{{receiverID}}">
        <input type="hidden" name="skill" value="{{skill}}">
        <p>{{giverID}} helping {{receiverID}}.</p>
        {{#fields.hours}}{{>field}}{{/fields.hours}}
        {{#fields.date}}{{>field}}{{/fields.date}}
        <button type="submit">Record the exchange</button>
        </form>
        {{/recorded}}

        """

    static let network = """
        <h1>The community network</h1>
        <p class="lead">Who is connected to whom, from the exchanges of time and the activities people share.</p>
        <form method="get" action="/network" class="page-form">
        {{#fields.resolution}}{{>field}}{{/fields.resolution}}
        <button type="submit" class="secondary">Look again</button>
        </form>
        {{>errorSummary}}
        {{#analysis}}
        <p>{{summaryLine}}</p>
        {{#overviewSVG}}<h2 id="picture">The picture</h2>
        <figure class="picture">{{{overviewSVG}}}
        <figcaption class="hint">One circle per community, numbered as in the table below; wider lines where more ties join two communities, the strongest naming the brokers (by id) who make them.</figcaption></figure>{{/overviewSVG}}
        {{#picturesMissing}}<p class="hint">{{picturesMissing}}</p>{{/picturesMissing}}
        <h2 id="communities">Communities</h2>
        <p class="hint">Largest first. The bar shows each community's size beside the largest. Choose a community's number to see its picture.</p>
        <div class="table-wrap">
        <table aria-describedby="communities">
        <thead><tr><th scope="col">Community</th><th scope="col">Members</th><th scope="col">Area</th><th scope="col">Main groups</th><th scope="col">Main skills and interests</th></tr></thead>
        <tbody>
        {{#communities}}<tr><th scope="row"><a href="/network?community={{communityNumber}}{{resolutionQuery}}#community-picture">{{communityNumber}}</a></th><td class="nowrap"><span class="count">{{communitySize}}</span> {{>bar}}</td><td>{{communityArea}}</td><td>{{communityGroups}}</td><td>{{communitySkills}}</td></tr>
        {{/communities}}
        </tbody>
        </table>
        </div>
        {{#communitySVG}}<h2 id="community-picture">Community {{communityShown}}</h2>
        <figure class="picture">{{{communitySVG}}}
        <figcaption class="hint">Its members by id and the ties between them; brokers have a thick outline, members with no recent tie a dashed one; the boxes are the communities its ties reach.</figcaption></figure>{{/communitySVG}}
        <h2 id="brokers">Brokers</h2>
        <p class="hint">Members whose ties reach across communities, most first: people a connector can ask to introduce others.</p>
        <div class="table-wrap">
        <table aria-describedby="brokers">
        <thead><tr><th scope="col">Member</th><th scope="col">Reach across communities (0 to 1)</th></tr></thead>
        <tbody>
        {{#brokers}}<tr><th scope="row">{{brokerID}}</th><td class="nowrap"><span class="count">{{brokerScore}}</span> {{>bar}}</td></tr>
        {{/brokers}}
        </tbody>
        </table>
        </div>
        <h2>Members with no ties yet ({{isolatedCount}})</h2>
        {{#hasIsolated}}<p class="hint">Nobody has exchanged time or shared an activity with them: a first introduction would count most.</p>
        <ul class="ids">{{#isolated}}<li>{{.}}</li>{{/isolated}}</ul>{{/hasIsolated}}
        {{^hasIsolated}}<p>Everyone has at least one tie.</p>{{/hasIsolated}}
        {{/analysis}}

        """

    static let plan = """
        <h1>Plan a session of referrals</h1>
        <p class="lead">Place many referrals at once in activities with few places: the most people placed, then the best total score.</p>
        {{>errorSummary}}
        <form method="post" action="/plan" enctype="multipart/form-data" class="page-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field{{#fileError}} has-error{{/fileError}}">
        <label for="file">A file of referrals (optional)</label>
        <p class="hint" id="file-hint">A plan request in JSON, as <code>stitch plan</code> reads it, or a CSV with the columns id, person, referrer, interests and reason (a header row first; interests separated by semicolons).</p>
        {{#fileError}}<p class="field-error" id="file-error"><span class="visually-hidden">Error: </span>{{fileError}}</p>{{/fileError}}
        <input id="file" name="file" type="file" accept=".json,.csv,application/json,text/csv" aria-describedby="file-hint{{#fileError}} file-error{{/fileError}}">
        </div>
        {{#fields.list}}{{>textArea}}{{/fields.list}}
        <fieldset>
        <legend>Options</legend>
        <div class="row">
        {{#fields.maxPerPerson}}{{>field}}{{/fields.maxPerPerson}}
        <div class="field">
        <label for="fairness">How people are weighed</label>
        <select id="fairness" name="fairness">
        <option value="total"{{#fairTotal}} selected{{/fairTotal}}>The best total score</option>
        <option value="maximin"{{^fairTotal}} selected{{/fairTotal}}>Raise the lowest score first</option>
        </select>
        </div>
        </div>
        {{#options}}{{>checkboxes}}{{/options}}
        </fieldset>
        <button type="submit">Make the plan</button>
        </form>
        {{#plan}}
        <section aria-labelledby="plan-title">
        <h2 id="plan-title" tabindex="-1">{{planTitle}}</h2>
        <p>{{planLine}}</p>
        <p>{{greedyLine}}</p>
        <h3>Placements</h3>
        <div class="table-wrap">
        <table>
        <thead><tr><th scope="col">Referral</th><th scope="col">Person</th><th scope="col">Activity</th><th scope="col">Score</th><th scope="col">Buddy</th></tr></thead>
        <tbody>
        {{#assignments}}<tr><th scope="row">{{referralID}}</th><td>{{personID}}</td><td>{{activityName}}</td><td class="nowrap"><span class="count">{{score}}</span> {{>bar}}</td><td>{{buddyText}}</td></tr>
        {{/assignments}}
        </tbody>
        </table>
        </div>
        {{^hasAssignments}}<p>Nobody could be placed.</p>{{/hasAssignments}}
        <h3>Not placed ({{unassignedCount}})</h3>
        {{#hasUnassigned}}
        <div class="table-wrap">
        <table>
        <thead><tr><th scope="col">Referral</th><th scope="col">Person</th><th scope="col">Why</th></tr></thead>
        <tbody>
        {{#unassigned}}<tr><th scope="row">{{referralID}}</th><td>{{personID}}</td><td><strong>{{reasonLabel}}</strong>: {{detail}}</td></tr>
        {{/unassigned}}
        </tbody>
        </table>
        </div>
        {{/hasUnassigned}}
        {{^hasUnassigned}}<p>Everyone was placed.</p>{{/hasUnassigned}}
        <h3>Practices</h3>
        <div class="table-wrap">
        <table>
        <thead><tr><th scope="col">Practice</th><th scope="col">Referrals</th><th scope="col">Placed</th><th scope="col">Mean score</th></tr></thead>
        <tbody>
        {{#practices}}<tr><th scope="row">{{practice}}</th><td>{{referrals}}</td><td>{{placed}}</td><td>{{meanScore}}</td></tr>
        {{/practices}}
        </tbody>
        </table>
        </div>
        </section>
        {{/plan}}

        """
}
