# kakunin as a container: the API serving the built SPA, on Node 24, as a non-root user.
# Not built on the project's development machines (they have no container engine): the API suite's
# release test (apps/api/src/release-bundle.test.ts) runs the build stage's step, scripts/release.mjs,
# and starts its output as the CMD below does, in production mode on an empty database.
#
#   docker build -t kakunin .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e PUBLIC_BASE_URL=https://… … kakunin
#
# compose.yaml runs it with PostgreSQL 17. Secrets come from the environment, never from the image.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION=12.21.0
RUN npm install --global --no-fund --no-audit "pnpm@${PNPM_VERSION}"
WORKDIR /src
# The store first, from the lockfile alone, so that a source change reuses this layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
# The SPA build, `pnpm deploy --prod` of the API with its Prisma client, prisma/ and the schema
# package, in the repository's layout: see scripts/release.mjs.
RUN node scripts/release.mjs --out /release

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Owned by root and read-only for the process; only the temporary directory (Node's compile cache)
# is written. Production requires DATABASE_URL: no embedded PostgreSQL on the container's disk.
COPY --from=build /release ./
USER node
EXPOSE 3000
# Ready: the database answers and this release's migrations are in.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) closes the server and its workers gracefully.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "./apps/api/src/compile-cache.ts", "apps/api/src/server.ts"]
