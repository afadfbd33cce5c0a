// OpenID Connect login (authorization code flow with PKCE, state and nonce)
// against one identity provider. It is framework-independent: the caller
// keeps the PendingLogin between begin() and complete() (typically in a
// short-lived, http-only session cookie) and decides what a verified identity
// may do. Employees and citizens each get their own instance (realm).
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  /** Space-separated; default 'openid profile email'. */
  scope?: string;
  /** Only for tests and local development against an IdP on loopback. */
  allowInsecureHttp?: boolean;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Milliseconds since the epoch (Date.now()) when begin() was called. */
  createdAt: number;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  idToken: string;
}

export interface OidcLogin {
  begin(): Promise<{ authorizationUrl: string; pending: PendingLogin }>;
  /** Only the query string of callbackUrl is used; see complete() below. */
  complete(callbackUrl: URL, pending: PendingLogin): Promise<VerifiedIdentity>;
  logoutUrl(idToken: string, postLogoutRedirectUri: string): string | null;
}

export const DEFAULT_OIDC_SCOPE = 'openid profile email';

/** A login that is not completed within this time must be started again. */
export const PENDING_LOGIN_MAX_AGE_MS = 10 * 60 * 1000;

// A pending login stamped further in the future than this is not ours (or the
// clock jumped); either way it cannot be trusted.
const MAX_CLOCK_SKEW_MS = 60 * 1000;

export type OidcLoginErrorCode =
  /** The settings cannot work (bad URL, http issuer without allowInsecureHttp). */
  | 'misconfigured'
  /** Discovery failed: the IdP is down or not reachable. */
  | 'provider_unavailable'
  /** The pending login is older than PENDING_LOGIN_MAX_AGE_MS. */
  | 'login_expired'
  /** The callback or the pending login is malformed (no code, no state, ...). */
  | 'invalid_callback'
  /** The state in the callback is not the one this browser was given. */
  | 'state_mismatch'
  /** The person cancelled or refused at the IdP. */
  | 'access_denied'
  /** The IdP answered the authorization request with another error. */
  | 'provider_error'
  /** The token endpoint refused the code (replayed, expired, wrong PKCE verifier). */
  | 'code_rejected'
  /** The ID token failed validation (signature, issuer, audience, nonce, time). */
  | 'invalid_id_token'
  /** The userinfo request failed or returned another subject. */
  | 'userinfo_failed';

const DETAIL_BY_CODE: Record<OidcLoginErrorCode, string> = {
  misconfigured: 'Login er ikke sat korrekt op. Kontakt support.',
  provider_unavailable: 'Login-tjenesten kan ikke kontaktes lige nu. Prøv igen om lidt.',
  login_expired: 'Loginforsøget er udløbet. Start login forfra.',
  invalid_callback: 'Login mislykkedes. Prøv igen.',
  state_mismatch: 'Login mislykkedes. Prøv igen.',
  access_denied: 'Login blev afbrudt.',
  provider_error: 'Login mislykkedes. Prøv igen.',
  code_rejected: 'Login mislykkedes. Prøv igen.',
  invalid_id_token: 'Login mislykkedes. Prøv igen.',
  userinfo_failed: 'Login mislykkedes. Prøv igen.',
};

/**
 * `message` is English and meant for logs; `detail` is Danish and may be shown
 * to the person. Neither ever contains tokens, codes or claims. The upstream
 * error is deliberately not attached as `cause`: openid-client puts ID token
 * claims (which may include a CPR number) into its error causes, and log
 * serializers follow `cause`.
 */
export class OidcLoginError extends Error {
  override readonly name = 'OidcLoginError';
  readonly detail: string;

  constructor(
    readonly code: OidcLoginErrorCode,
    message: string,
    /** openid-client / oauth4webapi error code or the OAuth `error` value, for logs. */
    readonly upstreamCode?: string,
  ) {
    super(message);
    this.detail = DETAIL_BY_CODE[code];
  }
}

export async function createOidcLogin(settings: OidcSettings): Promise<OidcLogin> {
  const issuerUrl = parseUrl(settings.issuer, 'issuer');
  const redirectUri = parseUrl(settings.redirectUri, 'redirectUri');
  if (!isHttpsOr(issuerUrl, settings.allowInsecureHttp)) {
    throw new OidcLoginError('misconfigured', 'OIDC issuer must use https');
  }
  // The redirect URI is only ever visited by the browser, and IdPs accept
  // http on loopback for development, so that is allowed without the flag.
  if (!isHttpsOr(redirectUri, settings.allowInsecureHttp || isLoopbackUrl(redirectUri))) {
    throw new OidcLoginError('misconfigured', 'OIDC redirectUri must use https');
  }
  if (!settings.clientId) throw new OidcLoginError('misconfigured', 'OIDC clientId is empty');
  const scope = settings.scope?.trim() || DEFAULT_OIDC_SCOPE;
  if (!scope.split(/\s+/).includes('openid')) {
    throw new OidcLoginError('misconfigured', "OIDC scope must include 'openid'");
  }

  const execute = settings.allowInsecureHttp ? [client.allowInsecureRequests] : [];
  let config: client.Configuration;
  try {
    const discovered = await client.discovery(issuerUrl, settings.clientId, undefined, client.None(), {
      execute,
      timeout: 10,
    });
    const server = discovered.serverMetadata();
    config = new client.Configuration(
      server,
      settings.clientId,
      settings.clientSecret,
      chooseClientAuth(server, settings.clientSecret),
    );
    for (const apply of execute) apply(config);
  } catch (err) {
    throw new OidcLoginError(
      'provider_unavailable',
      `OIDC discovery failed for ${issuerUrl.href}: ${describe(err)}`,
      upstreamCodeOf(err),
    );
  }
  const server = config.serverMetadata();

  return {
    async begin() {
      const pending: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        createdAt: Date.now(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri.href,
        scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl: url.href, pending };
    },

    async complete(callbackUrl, pending) {
      assertPendingUsable(pending);

      const returnedState = callbackUrl.searchParams.get('state');
      if (returnedState === null) {
        throw new OidcLoginError('invalid_callback', 'OIDC callback has no state');
      }
      // Checked here as well as in openid-client so that a forged callback is
      // refused before the code is sent anywhere, and reported precisely.
      if (!constantTimeEquals(returnedState, pending.state)) {
        throw new OidcLoginError('state_mismatch', 'OIDC callback state does not match the pending login');
      }

      // The token request must repeat the registered redirect_uri exactly.
      // Behind a proxy the URL the server sees differs from the public one, so
      // only the callback's query is taken and put on the configured URI.
      const responseUrl = new URL(redirectUri.href);
      responseUrl.search = callbackUrl.search;

      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, responseUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw codeGrantError(err);
      }

      const idTokenClaims = tokens.claims();
      const idToken = tokens.id_token;
      if (!idTokenClaims || !idToken) {
        throw new OidcLoginError('invalid_id_token', 'OIDC token response has no ID token');
      }

      let userinfo: Record<string, unknown> = {};
      if (server.userinfo_endpoint) {
        try {
          // expectedSubject makes openid-client refuse a userinfo response
          // about anyone else than the ID token's subject.
          userinfo = await client.fetchUserInfo(config, tokens.access_token, idTokenClaims.sub);
        } catch (err) {
          throw new OidcLoginError(
            'userinfo_failed',
            `OIDC userinfo request failed: ${describe(err)}`,
            upstreamCodeOf(err),
          );
        }
      }

      return {
        issuer: idTokenClaims.iss,
        subject: idTokenClaims.sub,
        // The ID token wins on conflicts: it is signed, and this keeps the
        // protocol claims (iss, sub, aud, ...) from being overridden.
        claims: { ...userinfo, ...idTokenClaims },
        idToken,
      };
    },

    logoutUrl(idToken, postLogoutRedirectUri) {
      if (!server.end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    },
  };
}

// openid-client defaults to client_secret_post, but OIDC Discovery says a
// provider that lists no methods supports only client_secret_basic, and some
// IdPs list only that one.
function chooseClientAuth(server: client.ServerMetadata, clientSecret: string | undefined): client.ClientAuth {
  if (!clientSecret) return client.None();
  const supported = server.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (supported.includes('client_secret_post')) return client.ClientSecretPost(clientSecret);
  return client.ClientSecretBasic(clientSecret);
}

function assertPendingUsable(pending: PendingLogin): void {
  const fields = [pending?.state, pending?.nonce, pending?.codeVerifier];
  if (fields.some((f) => typeof f !== 'string' || f.length === 0) || !Number.isFinite(pending.createdAt)) {
    throw new OidcLoginError('invalid_callback', 'pending OIDC login is malformed');
  }
  const age = Date.now() - pending.createdAt;
  if (age > PENDING_LOGIN_MAX_AGE_MS || age < -MAX_CLOCK_SKEW_MS) {
    throw new OidcLoginError('login_expired', `pending OIDC login is ${Math.round(age / 1000)} s old`);
  }
}

function codeGrantError(err: unknown): OidcLoginError {
  if (err instanceof client.AuthorizationResponseError) {
    // The IdP sent the browser back with ?error=...; access_denied is what
    // providers send when the person cancels.
    const code = err.error === 'access_denied' ? 'access_denied' : 'provider_error';
    return new OidcLoginError(code, `OIDC provider returned error '${err.error}'`, err.error);
  }
  if (err instanceof client.ResponseBodyError) {
    return new OidcLoginError('code_rejected', `OIDC token endpoint refused the code: '${err.error}'`, err.error);
  }
  if (err instanceof client.ClientError) {
    const upstream = err.code ?? '';
    if (upstream.startsWith('OAUTH_JWT_') || upstream === 'OAUTH_KEY_SELECTION_FAILED') {
      return new OidcLoginError('invalid_id_token', `OIDC ID token rejected: ${err.message}`, upstream);
    }
    if (upstream === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' || upstream === 'OAUTH_INVALID_RESPONSE') {
      // e.g. a wrong `iss` authorization response parameter (RFC 9207) or a
      // malformed callback.
      return new OidcLoginError('invalid_callback', `OIDC authorization response rejected: ${err.message}`, upstream);
    }
    return new OidcLoginError('provider_error', `OIDC code exchange failed: ${err.message}`, upstream);
  }
  return new OidcLoginError('provider_unavailable', `OIDC code exchange failed: ${describe(err)}`, upstreamCodeOf(err));
}

// Messages of openid-client, oauth4webapi and fetch are fixed texts and never
// contain tokens; other errors are reduced to their name to be safe.
function describe(err: unknown): string {
  if (err instanceof client.ClientError || err instanceof TypeError) return err.message;
  if (err instanceof Error) return err.name;
  return 'unknown error';
}

function upstreamCodeOf(err: unknown): string | undefined {
  if (err instanceof client.ResponseBodyError || err instanceof client.AuthorizationResponseError) return err.error;
  if (err instanceof client.ClientError) return err.code;
  return undefined;
}

function parseUrl(value: string, what: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new OidcLoginError('misconfigured', `OIDC ${what} is not a valid URL`);
  }
}

function isHttpsOr(url: URL, allowHttp: boolean | undefined): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp === true);
}

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

function constantTimeEquals(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
