// A local OpenID Connect provider for the login tests (npm package oauth2-mock-server, from node_modules).
//
//   node tests/browser/oidc_provider.mjs <port> <users.json>
//
// users.json maps a test user id to the claims of its ID token ({"email": ..., "groups": [...], ...}).
// The browser says who logs in with the cookie `mock_oidc_user=<id>` (set by the test on 127.0.0.1); the
// provider remembers the user per authorization code, so parallel browser contexts never mix users.
// Prints "ready <issuer>" on stdout once it listens.
import { readFileSync } from "node:fs";
import { OAuth2Server } from "oauth2-mock-server";

const [port, usersPath] = process.argv.slice(2);
const users = JSON.parse(readFileSync(usersPath, "utf-8"));
const userByCode = new Map();

function cookieUser(req) {
  const cookies = (req.headers.cookie ?? "").split(";").map((c) => c.trim().split("="));
  const found = cookies.find(([name]) => name === "mock_oidc_user");
  return found ? decodeURIComponent(found[1]) : undefined;
}

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");

server.service.on("beforeAuthorizeRedirect", (redirect, req) => {
  const user = cookieUser(req);
  const code = redirect.url.searchParams.get("code");
  if (user === undefined || !(user in users)) {
    redirect.url.searchParams.delete("code");
    redirect.url.searchParams.set("error", "access_denied");
    return;
  }
  userByCode.set(code, user);
});

server.service.on("beforeTokenSigning", (token, req) => {
  const code = req.body?.code;
  const user = code !== undefined ? userByCode.get(code) : undefined;
  if (user === undefined) return;
  Object.assign(token.payload, { sub: user, email_verified: true }, users[user]);
});

server.issuer.url = `http://127.0.0.1:${port}`;
await server.start(Number(port), "127.0.0.1");
console.log(`ready ${server.issuer.url}`);
process.on("SIGTERM", async () => {
  await server.stop();
  process.exit(0);
});
