// Errors the page met, for the browser tests (window.dashErrors): uncaught exceptions, rejected promises, and
// anything the Content-Security-Policy refused (an inline style or script would be a bug, not a warning).
// A classic script, not a module, so it runs before the modules and catches their errors too.
window.dashErrors = [];
addEventListener('error', (e) => window.dashErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.dashErrors.push(String(e.reason)));
document.addEventListener('securitypolicyviolation', (e) => {
  window.dashErrors.push(`CSP refused ${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
});
