# syntax=docker/dockerfile:1
# The hub, one image for every role: HUB_ROLES picks what a container runs (api.md "Processes").
# Build: docker build -t support-services-hub .   Run: see infra/docker-compose.yml.

# --- build: native addons from source (better-sqlite3), the swc build, then production deps only
FROM node:22.20.0-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
COPY projections ./projections
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund

# --- runtime: no compiler, no sources, not root
FROM node:22.20.0-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The embedded stores and the generated JWT secret live in DATA_DIR: the only writable path.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness only: readiness (/health/ready) is for the load balancer, not for restarts.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=64", "dist/apps/hub/main.js"]
