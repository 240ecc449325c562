#!/usr/bin/env bash
# A short scripted tour of Stitch's three jobs on the bundled Lewisham community.
set -euo pipefail
stitch="$1"
cd "$(dirname "$0")/.."

# Headings in bold on a terminal; plain text through a pipe or into a file.
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
say() { printf '\n%s== %s%s\n%s\n\n' "$bold" "$1" "$plain" "$2"; }

say "1. A broker: who can help Arthur get to hospital on Tuesday morning?" \
    "Arthur (81) needs someone to go with him to an appointment, Tue 10:00-12:00."
"$stitch" who-can-help --demo --requester m-arthur --skill "accompany to hospital" --when "tue 10:00-12:00" --limit 5

say "2. Peer support: who can support Nikhil, newly diagnosed with diabetes?" \
    "Lived experience counts for more than a general offer of befriending."
"$stitch" who-can-help --demo --requester m-nikhil --skill "diabetes peer support" --limit 3

say "3. A GP's referral: activities for Bee (Connect, Take Notice, Give), each with a buddy" \
    "Bee is a long-term mental-health service user, free on Wednesday afternoons."
"$stitch" refer --demo --person m-bee --goals connect=1,takeNotice=1,give=1 --limit 5

say "4. A referral with a short travel radius and access needs: Maud, 76, who has dystonia" \
    "Anything beyond her radius is excluded and counted; a neighbour who goes is suggested as buddy."
"$stitch" refer --demo --person m-maud --limit 4

say "4b. A broker types in her own words" \
    "No taxonomy term: the words reach the skills close to them in meaning (a local model; nothing leaves the machine)."
"$stitch" who-can-help --demo --requester m-arthur --skill "help with my garden" --limit 3

say "4c. A GP's reason in words, no goals given" \
    "The reason is read into needs, goals and interests, and the answer says how."
"$stitch" refer --demo --person m-arthur --reason "lonely since his wife died, low mood, used to enjoy woodwork" --limit 3

say "5. Where can Kathy give?" \
    "People are assets: Kathy paints and could teach."
"$stitch" give --demo m-kathy --limit 4

say "6. Why not this one? One pair, every constraint and factor" \
    "Kathy uses a wheelchair; the Brockley class has no step-free access."
"$stitch" explain --demo --subject m-kathy --candidate a-art-upstairs

say "6b. Not this one: the broker dismissed a helper for Arthur" \
    "Every answer for Arthur leaves Jade out (counted as dismissed); explain says when and why."
"$stitch" explain --demo --subject m-arthur --candidate m-jade --skill "accompany to hospital" | sed -n 1,6p

say "6c. Hodan speaks Somali only: who can do her shopping, with a DBS check?" \
    "A helper with no language in common, or whose DBS check has expired, is excluded and counted."
"$stitch" who-can-help --demo --requester m-hodan --skill shopping --dbs --limit 3

say "7. A connector's planning session: fifteen referrals from three practices at once" \
    "An exact allocation (most people placed, then the highest total score), compared with greedy."
"$stitch" plan data/examples/planning-session.json --demo | sed -n 1,12p
