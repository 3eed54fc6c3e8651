// The pages the browser shows after the redirect to the callback server: the Go tool's
// sso_complete.html / sso_failed.html texts and colours, without its remote font and logo.
function page(title: string, heading: string, text: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <style>
      * { font-family: Roboto, Helvetica, Arial, sans-serif; font-weight: 300; }
      body { margin: 0; padding: 0; background-color: #152632; color: #fff; }
      .outerbox { position: relative; max-width: 450px; margin: 80px auto 0; }
      .box { background-color: #234a61; padding: 8px 20px; border-radius: 5px; margin-bottom: 30px; }
      hr { border: 0; height: 1px; background-color: #32526a; }
      h1 { font-size: 28px; font-weight: 100; margin-bottom: 0; }
      h1, p { text-align: center; line-height: 1.8em; }
    </style>
  </head>
  <body>
    <div class="outerbox">
      <div class="box">
        <h1>${heading}</h1>
        <hr />
        <p>${text}</p>
      </div>
    </div>
  </body>
</html>
`;
}

export const ssoCompletePage = page('SSO Complete', 'SSO authentication complete', 'You may close this window now.');
export const ssoFailedPage = page('SSO Failed', 'SSO authentication failed', 'Please check the console for more information.');
