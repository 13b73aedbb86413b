/**
 * The one stylesheet of the printable pages, inlined in a <style> element exactly as written
 * here, so that the route can allow it in its Content-Security-Policy by hash
 * (`style-src 'sha256-…'`) or pass a nonce to the renderer. No script, no external resource.
 */
import { createHash } from 'node:crypto';

export const COUNCIL_EXPORT_STYLE = `
@page { size: letter; margin: 0.75in; }
:root { color: #111; background: #fff; font: 11pt/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; }
body { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #999; padding-bottom: .15em; }
h3 { font-size: 1.08em; margin: 1.3em 0 .3em; }
h4 { font-size: 1em; margin: .9em 0 .2em; }
p { margin: .3em 0; }
.campus { color: #444; margin: 0; font-size: .95em; }
.meeting { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .5em 0; }
.meeting dt { font-weight: bold; }
.meeting dd { margin: 0; }
.muted { color: #555; font-size: .92em; }
.status { font-weight: bold; }
.banner { border: 2px solid #b00; color: #b00; padding: .35em .6em; font-weight: bold; letter-spacing: .04em; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 .6em; }
caption { text-align: left; font-weight: bold; padding: .2em 0; }
th, td { border: 1px solid #bbb; padding: .3em .45em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.item-title { font-weight: bold; }
.detail { color: #333; font-size: .92em; margin-top: .2em; }
.motion { border-left: 3px solid #999; padding-left: .7em; margin: .6em 0; }
.result { font-weight: bold; }
.votes { width: auto; min-width: 50%; }
.amendments li { margin-bottom: .6em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  thead { display: table-header-group; }
  tr, .motion, .amendments li { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .banner { border-color: #000; color: #000; }
}
`;

/** For the route's CSP: `style-src ${COUNCIL_EXPORT_STYLE_HASH}` (quoted in the header). */
export const COUNCIL_EXPORT_STYLE_HASH = `sha256-${createHash('sha256').update(COUNCIL_EXPORT_STYLE, 'utf8').digest('base64')}`;
