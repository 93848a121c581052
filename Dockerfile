# syntax=docker/dockerfile:1

# ---- build: the whole toolchain, compiles TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts are skipped here: `prepare` would build before the sources are copied in.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# ---- deps: production dependencies only (no TypeScript, no tsx) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Code and dependencies stay owned by root (read-only for the app user);
# only the directories the bot writes to belong to `node`.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY templates ./templates
RUN mkdir -p /app/postmortems /app/data \
 && chown node:node /app/postmortems /app/data

# The official image's unprivileged user (uid 1000).
USER node

# 3000: Slack HTTP mode (PORT). Health and metrics listen on METRICS_PORT (9464), on the
# container's loopback unless METRICS_HOST=0.0.0.0; the HEALTHCHECK runs inside and reaches it.
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# node itself is PID 1 (no npm/sh wrapper), so SIGTERM reaches the bot's handler.
CMD ["node", "dist/tocsin.mjs"]
