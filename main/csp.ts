/**
 * The Content Security Policy for the UI. No Electron import: the browser shell sends the same
 * header, so both transports hold the renderer to one policy.
 *
 * Everything is refused unless listed. The renderer is a bundled React app served from its own
 * origin, so it needs nothing inline and nothing remote:
 * - script-src 'self': no inline script and no eval, so injected markup cannot run code.
 * - style-src 'self': the bundle's stylesheet only. React's `style` props are set through the
 *   CSSOM, which CSP does not govern, so they keep working without 'unsafe-inline'.
 * - img-src data:: small inline images (e.g. SVG icons Vite inlines as data: URLs).
 * - connect-src 'self': the browser shell's API lives on the page's own origin; Electron uses IPC.
 * - frame-ancestors, form-action, base-uri, object-src: no framing of the app, no form posts,
 *   no <base> hijacking, no plugins.
 * frame-ancestors is only honoured as a header, which is why this is sent as one rather than
 * (only) a <meta> tag.
 */
const DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['object-src', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = DIRECTIVES.map(([directive, sources]) => `${directive} ${sources}`).join(
  '; ',
);
