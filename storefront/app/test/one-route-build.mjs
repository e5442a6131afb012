/**
 * A Remix server build with one route at "/", for tests of the Express middlewares in front of
 * the real Remix adapter (server.mjs's order). `module` is the route's module (action, headers,
 * …). A page (the default) renders through an entry that prints the action's data, so Remix's
 * own document checks run; `{ page: false }` makes a resource route, whose action's own
 * answer comes back.
 */
export function oneRouteBuild(module, { page = true } = {}) {
  return {
    mode: "production",
    basename: "/",
    future: {},
    publicPath: "/build/",
    assetsBuildDirectory: "build/client",
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "1" },
    entry: {
      module: {
        default: page
          ? (_request, status, headers, context) =>
              new Response(`pagina ${JSON.stringify(context.staticHandlerContext.actionData ?? null)}`, { status, headers })
          : () => new Response("entry"),
      },
    },
    isSpaMode: false,
    routes: { root: { id: "root", path: "", module: page ? { default: () => null, ...module } : module } },
  };
}
