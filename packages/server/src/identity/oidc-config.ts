// OIDC settings for the two login realms, read from the environment:
//
//   employees: HELHED_OIDC_EMPLOYEE_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _SCOPE
//              (the municipality's own IdP, e.g. Entra ID, AD FS, Keycloak)
//   citizens:  HELHED_OIDC_CITIZEN_ISSUER,  _CLIENT_ID, _CLIENT_SECRET, _SCOPE
//              (a MitID broker)
//   HELHED_PUBLIC_URL              base of the callback URLs (default http://localhost:3000)
//   HELHED_OIDC_CITIZEN_CPR_CLAIM  claim holding the citizen's CPR number (default 'dk.cpr')
//   HELHED_OIDC_EMPLOYEE_ID_CLAIM  claim identifying the employee (default 'sub')
//
// A realm is off when none of its variables is set. Setting some but not the
// issuer and client id together is a startup error, so that a typo cannot
// silently turn login off.
//
// Why 'dk.cpr': MitID brokers do not agree on the name of the CPR claim.
//   - Signaturgruppen (Nets eID Broker), the broker most Danish public and
//     private services use for MitID over OIDC, releases 'dk.cpr' for the
//     'ssn' scope. It is the default because it is the most widespread.
//   - Idura (formerly Criipto) Verify: 'cprNumberIdentifier'.
//   - Signicat: 'nin' (with nin_type 'PERSON' and nin_issuing_country 'DK').
//   - Brokers that map NemLog-in's SAML attributes straight into OIDC claims:
//     'https://data.gov.dk/model/core/eid/cprNumber' (OIOSAML 3) or
//     'dk:gov:saml:attribute:CprNumberIdentifier' (OIOSAML 2).
// The broker usually only releases the CPR number for a dedicated scope, so
// set HELHED_OIDC_CITIZEN_SCOPE accordingly (Signaturgruppen: 'openid mitid ssn').
import { DEFAULT_OIDC_SCOPE, isLoopbackUrl, type OidcSettings } from './oidc-login';

export interface OidcConfig {
  employee: OidcSettings | null;
  citizen: OidcSettings | null;
  citizenCprClaim: string;
  employeeIdClaim: string;
}

export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
export const DEFAULT_CITIZEN_CPR_CLAIM = 'dk.cpr';
export const DEFAULT_EMPLOYEE_ID_CLAIM = 'sub';

export class OidcConfigError extends Error {
  override readonly name = 'OidcConfigError';
}

type Env = Record<string, string | undefined>;

export function readOidcConfig(env: Env = process.env): OidcConfig {
  const publicUrl = readPublicUrl(env);
  return {
    employee: readRealm(env, 'EMPLOYEE', `${publicUrl}/auth/callback/employee`),
    citizen: readRealm(env, 'CITIZEN', `${publicUrl}/auth/callback/citizen`),
    citizenCprClaim: value(env, 'HELHED_OIDC_CITIZEN_CPR_CLAIM') ?? DEFAULT_CITIZEN_CPR_CLAIM,
    employeeIdClaim: value(env, 'HELHED_OIDC_EMPLOYEE_ID_CLAIM') ?? DEFAULT_EMPLOYEE_ID_CLAIM,
  };
}

export function isOidcConfigured(cfg: OidcConfig): boolean {
  return cfg.employee !== null || cfg.citizen !== null;
}

function readRealm(env: Env, realm: 'EMPLOYEE' | 'CITIZEN', redirectUri: string): OidcSettings | null {
  const prefix = `HELHED_OIDC_${realm}_`;
  const issuer = value(env, `${prefix}ISSUER`);
  const clientId = value(env, `${prefix}CLIENT_ID`);
  const clientSecret = value(env, `${prefix}CLIENT_SECRET`);
  const scope = value(env, `${prefix}SCOPE`);

  if (!issuer && !clientId && !clientSecret && !scope) return null;
  const missing = [!issuer && `${prefix}ISSUER`, !clientId && `${prefix}CLIENT_ID`].filter(Boolean);
  if (!issuer || !clientId) {
    throw new OidcConfigError(
      `OIDC login for ${realm.toLowerCase()}s is partly configured: set ${missing.join(' and ')}, ` +
        `or unset all ${prefix}* variables to turn it off.`,
    );
  }

  const issuerUrl = parseUrl(issuer, `${prefix}ISSUER`);
  const insecure = issuerUrl.protocol === 'http:';
  if (insecure && !isLoopbackUrl(issuerUrl)) {
    throw new OidcConfigError(`${prefix}ISSUER must be an https URL (http is only accepted on localhost).`);
  }
  if (issuerUrl.protocol !== 'https:' && !insecure) {
    throw new OidcConfigError(`${prefix}ISSUER must be an https URL.`);
  }
  if (scope !== undefined && !scope.split(/\s+/).includes('openid')) {
    throw new OidcConfigError(`${prefix}SCOPE must include 'openid' (default '${DEFAULT_OIDC_SCOPE}').`);
  }

  const settings: OidcSettings = { issuer, clientId, redirectUri };
  if (clientSecret) settings.clientSecret = clientSecret;
  if (scope) settings.scope = scope;
  // A developer's IdP in a local container speaks plain http; nothing else may.
  if (insecure) settings.allowInsecureHttp = true;
  return settings;
}

function readPublicUrl(env: Env): string {
  const raw = value(env, 'HELHED_PUBLIC_URL') ?? DEFAULT_PUBLIC_URL;
  const url = parseUrl(raw, 'HELHED_PUBLIC_URL');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OidcConfigError('HELHED_PUBLIC_URL must be an http(s) URL.');
  }
  if (url.search || url.hash) {
    throw new OidcConfigError('HELHED_PUBLIC_URL must not have a query or fragment.');
  }
  // Callback URIs are compared character by character by the IdP.
  return url.href.replace(/\/+$/, '');
}

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function parseUrl(raw: string, name: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new OidcConfigError(`${name} is not a valid URL: '${raw}'.`);
  }
}
