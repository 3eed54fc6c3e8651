// Plays the user's browser against the e2e OpenID provider (oidcProvider.ts): follows redirects with a
// cookie jar, fills the provider's login form, approves or denies consent, and lands on the client's
// loopback callback, exactly as a browser would (one GET of the redirect URI with code and state).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Page {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface BrowserOptions {
  /** PEM CA(s) trusted for https (the provider's caPem). */
  ca: string | string[];
  /** Stop after this many requests (a loop in a flow is a failure, not a hang). Default 30. */
  maxRequests?: number;
}

export interface FetchInit {
  method?: 'GET' | 'POST';
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Accept header; default text/html (what a browser asks for). */
  accept?: string;
}

/** A minimal browser: GET and form POST, cookies per origin, manual redirects. */
export class Browser {
  private readonly cookies = new Map<string, Map<string, string>>();
  private requests = 0;
  /** Every URL requested, in order (for assertions and failure messages). */
  readonly history: string[] = [];

  constructor(private readonly options: BrowserOptions) {}

  fetch(url: string, init: FetchInit = {}): Promise<Page> {
    if (++this.requests > (this.options.maxRequests ?? 30)) {
      return Promise.reject(new Error(`browser: too many requests:\n${this.history.join('\n')}`));
    }
    this.history.push(`${init.method ?? 'GET'} ${url}`);
    const target = new URL(url);
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const jar = this.cookies.get(target.origin);
    const headers: Record<string, string> = { accept: init.accept ?? 'text/html' };
    if (jar?.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Page>((resolvePage, reject) => {
      const req = send(target, { method: init.method ?? 'GET', headers, ca: this.options.ca, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          this.store(target.origin, res.headers['set-cookie']);
          resolvePage({ url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`browser: ${url} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET (or POST) then follow redirects, but not past the first URL outside `within` origins (returned unfetched). */
  async follow(url: string, init: FetchInit = {}, within?: string[]): Promise<Page | { leftTo: string }> {
    let page = await this.fetch(url, init);
    while (page.status >= 300 && page.status < 400 && page.headers.location) {
      const next = new URL(page.headers.location, page.url).href;
      if (within && !within.includes(new URL(next).origin)) return { leftTo: next };
      page = await this.fetch(next);
    }
    return page;
  }

  private store(origin: string, setCookie: string[] | undefined): void {
    if (!setCookie) return;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    for (const line of setCookie) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(origin, jar);
  }
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface HtmlForm {
  id?: string;
  action: string;
  /** Named inputs with their values (hidden ones included; text inputs with their value attribute or ''). */
  fields: Record<string, string>;
}

/** The forms of an HTML page, with actions resolved against the page URL. */
export function parseForms(page: Page): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attr = (src: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(src)?.[1];
    const fields: Record<string, string> = {};
    for (const input of m[2].matchAll(/<input\b([^>]*)>/gi)) {
      const name = attr(input[1], 'name');
      if (name) fields[name] = decodeHtml(attr(input[1], 'value') ?? '');
    }
    const id = attr(m[1], 'id');
    forms.push({ id, action: new URL(decodeHtml(attr(m[1], 'action') ?? ''), page.url).href, fields });
  }
  return forms;
}

export interface AuthorizeOptions extends BrowserOptions {
  /** The login typed into the provider's login form (default 'alice'). */
  login?: string;
  /** 'approve' (default) or 'deny' consent (the provider answers the client with error=access_denied). */
  consent?: 'approve' | 'deny';
  /** Do not GET the callback; return its URL only (to exchange the code yourself). */
  stopAtCallback?: boolean;
}

export interface AuthorizeResult {
  /** The client's redirect URI with code and state (or error), as the provider sent the browser there. */
  callbackUrl: string;
  /** What the client's callback server answered (absent with stopAtCallback). */
  callback?: Page;
  browser: Browser;
}

function describe(page: Page): string {
  return `${page.status} ${page.url}\n${page.body.slice(0, 2000)}`;
}

/** Goes through the provider's login and consent pages from the current one until the browser leaves the provider. */
async function completeInteraction(browser: Browser, start: Page | { leftTo: string }, issuerOrigin: string, opts: AuthorizeOptions): Promise<Page | { leftTo: string }> {
  let page = start;
  for (let step = 0; step < 8 && !('leftTo' in page); step++) {
    if (/<title>Submitting Callback<\/title>/.test(page.body)) {
      // form_post page (device flow's last step): its script submits the form on load.
      const [post] = parseForms(page);
      page = await browser.follow(post.action, { method: 'POST', form: post.fields }, [issuerOrigin]);
      continue;
    }
    const form = parseForms(page).find((f) => f.fields.prompt === 'login' || f.fields.prompt === 'consent' || f.id === 'op.deviceConfirmForm');
    if (!form) return page; // a page without a form to submit: the flow's end (success page, error page)
    if (opts.consent === 'deny') {
      const abort = /href="([^"]*\/abort)"/.exec(page.body)?.[1];
      if (form.id === 'op.deviceConfirmForm') {
        page = await browser.follow(form.action, { method: 'POST', form: { ...form.fields, abort: 'yes' } }, [issuerOrigin]);
        continue;
      }
      if (!abort) throw new Error(`browser: no abort link on\n${describe(page)}`);
      page = await browser.follow(new URL(decodeHtml(abort), page.url).href, {}, [issuerOrigin]);
      continue;
    }
    const fields = form.fields.prompt === 'login' ? { ...form.fields, login: opts.login ?? 'alice', password: 'any' } : form.fields;
    page = await browser.follow(form.action, { method: 'POST', form: fields }, [issuerOrigin]);
  }
  return page;
}

/**
 * Opens an authorization URL (as a user clicking the URL kubectl gs login printed), signs in as opts.login,
 * approves (or denies) consent, and follows the redirect to the client's callback, which it GETs.
 */
export async function authorizeInBrowser(authorizeUrl: string, opts: AuthorizeOptions): Promise<AuthorizeResult> {
  const browser = new Browser(opts);
  const issuerOrigin = new URL(authorizeUrl).origin;
  const end = await completeInteraction(browser, await browser.follow(authorizeUrl, {}, [issuerOrigin]), issuerOrigin, opts);
  if (!('leftTo' in end)) throw new Error(`browser: the provider did not redirect to the client:\n${describe(end)}`);
  if (opts.stopAtCallback) return { callbackUrl: end.leftTo, browser };
  return { callbackUrl: end.leftTo, callback: await browser.fetch(end.leftTo), browser };
}

export interface DeviceApproval {
  /** The provider's last page ("Sign-in Success" when approved). */
  page: Page;
  approved: boolean;
}

/**
 * Approves a device-flow user code as the user would: opens the verification URI (complete, or plain with
 * userCode typed in), confirms the code, signs in as opts.login and approves (or denies) consent.
 */
export async function approveDeviceCode(verificationUri: string, opts: AuthorizeOptions & { userCode?: string }): Promise<DeviceApproval> {
  const browser = new Browser(opts);
  const issuerOrigin = new URL(verificationUri).origin;
  let page = await browser.follow(verificationUri, {}, [issuerOrigin]);
  if ('leftTo' in page) throw new Error(`browser: the verification page redirected away to ${page.leftTo}`);
  const input = parseForms(page).find((f) => f.id === 'op.deviceInputForm');
  if (input) {
    const fields = { ...input.fields, user_code: opts.userCode ?? input.fields.user_code };
    if (!fields.user_code) throw new Error('browser: the verification page asks for a user code: pass userCode');
    const next = await browser.follow(input.action, { method: 'POST', form: fields }, [issuerOrigin]);
    if ('leftTo' in next) throw new Error(`browser: the code form redirected away to ${next.leftTo}`);
    page = next;
  }
  const end = await completeInteraction(browser, page, issuerOrigin, opts);
  if ('leftTo' in end) throw new Error(`browser: the device flow redirected away to ${end.leftTo}`);
  return { page: end, approved: /Sign-in Success/.test(end.body) };
}
