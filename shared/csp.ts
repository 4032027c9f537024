// The renderer's Content-Security-Policy, sent as a response header by the app:// protocol handler
// and by the e2e harness's server alike. Nothing remote, no eval, no inline script.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd (cssinjs) inserts <style> elements at run time; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
].join('; ');

export const APP_SCHEME = 'app';
const APP_HOST = 'closeout';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
