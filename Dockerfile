# The fanbase image: the Fanbase API by default, the topfans command as the topfans service's entrypoint.
# Build stage: every dependency from the lockfile, then the TypeScript build.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci: exactly the lockfile, which lists every platform's packages. --ignore-scripts: the build runs
# below, once the sources are here (package.json's prepare needs them).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build-page.mjs ./scripts/
RUN npm run build

# Production dependencies only, from the same lockfile.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# Runtime: compiled code, production dependencies, SQL, the demo dataset; runs as the unprivileged node user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY sql ./sql
COPY fixtures/demo ./fixtures/demo
USER node
EXPOSE 8080
# Readiness, not liveness: healthy once the dataset is loaded and answers are served (a large dataset takes
# minutes, hence the start period), unhealthy while it loads or after shutdown begins. No curl or wget in the
# slim image: Node's own fetch asks /ready.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5m --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/bin/api.js"]
