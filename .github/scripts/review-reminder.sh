#!/usr/bin/env bash
# Keeps one open issue titled "Listings due for review" in step with `thin report stale`.
# Needs `gh` with GH_TOKEN and GH_REPO set (the workflow's token is enough). Never opens
# an empty issue: when nothing is due, an open reminder is closed with a comment.
# THIN and GH can be overridden (the test suite runs this script against a fake `gh`).
set -euo pipefail
THIN=${THIN:-./run}
GH=${GH:-gh}
TITLE="Listings due for review"

due=$($THIN report stale --count)
existing=$($GH issue list --state open --search "in:title \"$TITLE\"" \
  --json number,title --jq ".[] | select(.title == \"$TITLE\") | .number" | head -n 1)

if [ "$due" -eq 0 ]; then
  if [ -n "$existing" ]; then
    $GH issue close "$existing" --comment "No listings are due for review any more."
  fi
  echo "No listings are due for review."
  exit 0
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT
$THIN report stale --format markdown > "$body"
if [ -n "$existing" ]; then
  $GH issue edit "$existing" --body-file "$body"
  echo "Updated issue #$existing: $due listings due for review."
else
  $GH issue create --title "$TITLE" --body-file "$body"
  echo "Opened an issue: $due listings due for review."
fi
