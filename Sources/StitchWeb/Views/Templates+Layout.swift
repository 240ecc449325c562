/// The templates every page shares: the layout, the form fields, the error summary and a
/// ranking's score bars.
///
/// Embedded in the binary, so an installed `stitch` needs no template files. Mustache escapes
/// every `{{value}}` for HTML; only `{{{body}}}`, a page already rendered, is not escaped.
enum LayoutTemplates {
    static let layout = """
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – Stitch</title>
        <link rel="stylesheet" href="/static/stitch.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to the main content</a>
        <header class="site">
        <div class="masthead">
        <a class="brand" href="/">Stitch</a>
        {{#signedIn}}
        <nav aria-label="Pages">
        <ul>
        {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        <form class="logout" method="post" action="/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <span>{{accountName}} ({{accountRole}})</span>
        <button type="submit" class="link">Log out</button>
        </form>
        {{/signedIn}}
        </div>
        </header>
        <main id="main" tabindex="-1">
        {{{body}}}
        </main>
        <footer class="site">
        <p>Stitch suggests; a person decides. Each suggestion comes with its score and the reasons for it.</p>
        </footer>
        </body>
        </html>

        """

    /// The errors of a form, at its top, each linking to its field.
    static let errorSummary = """
        {{#hasFormErrors}}
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">There is a problem</h2>
        <ul>
        {{#formErrors}}<li>{{#anchor}}<a href="#{{anchor}}">{{message}}</a>{{/anchor}}{{^anchor}}{{message}}{{/anchor}}</li>
        {{/formErrors}}
        </ul>
        </div>
        {{/hasFormErrors}}
        """

    /// One text input (a ``FieldView``).
    static let field = """
        <div class="field{{#fieldError}} has-error{{/fieldError}}">
        <label for="{{fieldName}}">{{fieldLabel}}</label>
        {{#fieldHint}}<p class="hint" id="{{fieldName}}-hint">{{fieldHint}}</p>{{/fieldHint}}
        {{#fieldError}}<p class="field-error" id="{{fieldName}}-error"><span class="visually-hidden">Error: </span>{{fieldError}}</p>{{/fieldError}}
        <input id="{{fieldName}}" name="{{fieldName}}" type="{{fieldType}}" value="{{fieldValue}}"{{#fieldMode}} inputmode="{{fieldMode}}"{{/fieldMode}}{{#fieldStep}} step="{{fieldStep}}"{{/fieldStep}}{{#fieldAutocomplete}} autocomplete="{{fieldAutocomplete}}"{{/fieldAutocomplete}}{{#fieldDescribedBy}} aria-describedby="{{fieldDescribedBy}}"{{/fieldDescribedBy}}{{#fieldError}} aria-invalid="true"{{/fieldError}}>
        </div>

        """

    /// A text area (a ``FieldView``).
    static let textArea = """
        <div class="field{{#fieldError}} has-error{{/fieldError}}">
        <label for="{{fieldName}}">{{fieldLabel}}</label>
        {{#fieldHint}}<p class="hint" id="{{fieldName}}-hint">{{fieldHint}}</p>{{/fieldHint}}
        {{#fieldError}}<p class="field-error" id="{{fieldName}}-error"><span class="visually-hidden">Error: </span>{{fieldError}}</p>{{/fieldError}}
        <textarea id="{{fieldName}}" name="{{fieldName}}" rows="4"{{#fieldDescribedBy}} aria-describedby="{{fieldDescribedBy}}"{{/fieldDescribedBy}}{{#fieldError}} aria-invalid="true"{{/fieldError}}>{{fieldValue}}</textarea>
        </div>

        """

    /// A group of checkboxes (a ``ChoiceGroupView``).
    static let checkboxes = """
        <fieldset class="field{{#groupError}} has-error{{/groupError}}" id="{{groupName}}"{{#groupHint}} aria-describedby="{{groupName}}-hint"{{/groupHint}}>
        <legend>{{groupLegend}}</legend>
        {{#groupHint}}<p class="hint" id="{{groupName}}-hint">{{groupHint}}</p>{{/groupHint}}
        {{#groupError}}<p class="field-error"><span class="visually-hidden">Error: </span>{{groupError}}</p>{{/groupError}}
        <ul class="checks">
        {{#choices}}<li><label><input type="checkbox" name="{{groupName}}" value="{{choiceValue}}"{{#choiceChecked}} checked{{/choiceChecked}}> {{choiceLabel}}</label></li>
        {{/choices}}
        </ul>
        </fieldset>

        """

    /// A score as a bar with its number (a ``BarView``).
    static let bar = """
        <span class="bar" aria-hidden="true"><span class="{{barWidth}}"></span></span>
        """

    /// A ranked item's factors, each a bar with its number in text.
    static let factors = """
        <ul class="factors" aria-label="Score by factor">
        {{#factorBars}}<li><span>{{factorLabel}}</span><span class="bar" aria-hidden="true"><span class="{{factorWidth}}"></span></span><span class="num">{{factorValue}}<span class="visually-hidden"> out of 1</span></span></li>
        {{/factorBars}}
        </ul>

        """

    /// The hard constraints' counts, in words.
    static let excluded = """
        {{#hasExclusions}}
        <h3>Left out by the rules that are never broken</h3>
        <ul>
        {{#excludedRows}}<li>{{excludedWords}}: {{excludedCount}}</li>
        {{/excludedRows}}
        </ul>
        {{/hasExclusions}}
        """

    /// A referral's one-to-one support: a short labelled list, why it is offered, and what the
    /// rules left out.
    static let oneToOne = """
        {{#hasOneToOneSection}}
        <section class="one-to-one" aria-labelledby="one-to-one-title">
        <h3 id="one-to-one-title">One-to-one support</h3>
        <p>{{oneToOneWhy}}</p>
        {{#hasOneToOne}}<ul class="reasons">
        {{#oneToOne}}<li><strong>{{supportLabel}}</strong>: {{memberName}} <span class="id">({{memberID}}, score {{memberScore}})</span>. {{memberReasons}}</li>
        {{/oneToOne}}
        </ul>{{/hasOneToOne}}
        {{#hasOneToOneExclusions}}<p>Left out by the rules that are never broken: {{oneToOneExcluded}}.</p>{{/hasOneToOneExclusions}}
        </section>
        {{/hasOneToOneSection}}

        """
}
