// Expand every event of an iCalendar file with two independent Node parsers.
//
//   node tests/js/ics_instances.mjs FILE FROM TO
//
// prints {"node-ical": {...}, "ical.js": {...}}, each with `instances`, a sorted list
// of [uid, start, end] for every instance that starts before TO and ends after FROM:
// UTC ISO times for timed events, YYYY-MM-DD dates for all-day ones (the end day
// exclusive, as DTEND), and `text`, each event's SUMMARY, DESCRIPTION and LOCATION as
// the parser unescaped them.
// tests/unit/test_ics.py compares both with Python's icalendar and the build's own
// expansion. ical.js is given the file's VTIMEZONE, as Thunderbird is; node-ical
// uses its own zone data, so the two check the VTIMEZONE against the IANA rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ICAL from 'ical.js';

const require = createRequire(import.meta.url);
const nodeIcal = require('node-ical');

const [file, fromText, toText] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const from = new Date(fromText);
const to = new Date(toText);

const isoDay = (date) => date.toISOString().slice(0, 10);
const utc = (date) => date.toISOString().replace('.000Z', 'Z');
const byStart = (a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1);

const plain = (value) => (value && typeof value === 'object' ? value.val : value) ?? null;

function withNodeIcal() {
  const found = [];
  const texts = {};
  for (const event of Object.values(nodeIcal.sync.parseICS(text))) {
    if (event.type !== 'VEVENT') continue;
    texts[event.uid] = [plain(event.summary), plain(event.description), plain(event.location)];
    const instances = nodeIcal.expandRecurringEvent(event, { from, to });
    for (const instance of instances) {
      if (instance.start >= to) continue;
      found.push(instance.isFullDay
        ? [event.uid, isoDay(instance.start), isoDay(instance.end)]
        : [event.uid, utc(instance.start), utc(instance.end)]);
    }
  }
  return { instances: found.sort(byStart), text: texts };
}

function withIcalJs() {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const found = [];
  const texts = {};
  const record = (uid, start, end) => {
    found.push(start.isDate
      ? [uid, start.toString(), end.toString()]
      : [uid, utc(start.toJSDate()), utc(end.toJSDate())]);
  };
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    texts[event.uid] = [event.summary, event.description, event.location];
    if (!event.isRecurring()) {
      const start = event.startDate.toJSDate();
      if (start < to && event.endDate.toJSDate() > from) record(event.uid, event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      if (details.startDate.toJSDate() >= to) break;
      if (details.endDate.toJSDate() > from) record(event.uid, details.startDate, details.endDate);
    }
  }
  return { instances: found.sort(byStart), text: texts };
}

process.stdout.write(JSON.stringify({ 'node-ical': withNodeIcal(), 'ical.js': withIcalJs() }));
