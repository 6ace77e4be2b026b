export const DEFAULT_SLOW_DELAY_MS = 10_000;
export const DEFAULT_HUGE_BYTES = 50 * 1024 * 1024;
export const HUGE_CHUNK_BYTES = 64 * 1024;
export const DEFAULT_RENDER_DELAY_MS = 150;

export const HTML_UTF8 = 'text/html; charset=utf-8';

// Shaped after what Cloudflare really serves (title, `cf-` markers, `server: cloudflare`), so the
// classifier is tested against the signals it meets in the wild.
export const CHALLENGE_PAGE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">example.com</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div id="challenge-error-title">Enable JavaScript and cookies to continue</div></noscript>
<div id="challenge-body-text" class="core-msg spacer">example.com needs to review the security of your connection before proceeding.</div>
</div></div><script>(function(){window._cf_chl_opt={cvId:'3',cType:'managed'};})();</script>
<div class="footer" role="contentinfo">Performance &amp; security by Cloudflare · Ray ID: 8a1b2c3d4e5f6789</div></body></html>`;

export const CHALLENGE_HEADERS: Record<string, string> = {
  server: 'cloudflare',
  'cf-ray': '8a1b2c3d4e5f6789-FRA',
  'cf-mitigated': 'challenge',
};

export const PLAIN_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Terms of Service</title></head>
<body><article><h1>Terms of Service</h1><p>These Terms govern your use of the Services. Please read them carefully,
because they affect your rights, including how disputes are resolved and what happens to the content you create.</p>
<h2>1. Accounts</h2><p>You must be at least 13 years old to use the Services and you are responsible for your account.</p>
</article></body></html>`;

export const FORBIDDEN_PAGE = `<!DOCTYPE html><html><head><title>403 Forbidden</title></head>
<body><h1>403 Forbidden</h1><p>You don't have permission to access this resource.</p></body></html>`;

export const SERVER_ERROR_PAGE = `<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>
<body><h1>Internal Server Error</h1><p>The server encountered an error and could not complete your request.</p></body></html>`;

export const LOGIN_WALL_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Sign in – Example</title></head>
<body><header><a href="/">Example</a></header>
<main><h1>Sign in to continue</h1>
<form action="/session" method="post">
<label>Email <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form>
<p><a href="/password/reset">Forgot your password?</a> · <a href="/signup">Create an account</a></p></main>
<footer><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></footer></body></html>`;

export const COOKIE_WALL_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Before you continue</title></head>
<body><div class="consent-wall" role="dialog" aria-modal="true">
<h1>Before you continue</h1>
<p>We use cookies and data to deliver and maintain our services. To continue to the site, you must accept our use of cookies.</p>
<form method="post" action="/consent"><button name="consent" value="reject">Reject all</button>
<button name="consent" value="accept">Accept all</button></form></div></body></html>`;

// Declared utf-8, but the bytes are windows-1252: curly quotes, an en dash and accented letters all
// decode to U+FFFD under utf-8, which is what a real misconfigured server produces.
export const WRONG_CHARSET_TEXT = `<!DOCTYPE html><html><head><title>Terms – Café Müller</title></head>
<body><article><h1>Terms of Service</h1><p>These “Terms” apply to Café Müller’s services – all of them.</p></article></body></html>`;

export const CLIENT_RENDERED_DEFAULT_CONTENT = `<article class="policy" id="article"><h1>Terms of Service</h1>
<p class="updated">Last Updated: June 23, 2025</p>
<h2>1. Acceptance</h2><p>By using the Services you agree to these Terms, rendered in your browser by a script.</p>
<h2>2. Your Content</h2><p>You own the content you create with the Services.</p></article>`;
