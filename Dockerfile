# syntax=docker/dockerfile:1
# netmap's image: the web app and the server bundle are built in one stage; the runtime stage holds
# only the bundle and the server's production dependencies, and runs as a non-root user.
# No HEALTHCHECK: in Kubernetes the probes call /healthz and /readyz (see deploy/).
#
#   docker build -t netmap:0.1.0 .
#   docker run --rm -p 127.0.0.1:8080:8080 netmap:0.1.0 serve --demo --host=0.0.0.0

FROM node:24-bookworm-slim AS build
WORKDIR /src
# pnpm at the version package.json names.
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build
# The server's production dependencies only, in a folder of their own; then the bundle beside them.
RUN pnpm --filter @netmap/server deploy --legacy --prod /out \
  && rm -rf /out/dist && cp -r apps/server/dist /out/dist

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only to the user netmap runs as.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/bin ./bin
COPY --from=build /out/dist ./dist
# The image's `node` user, by number, so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 8080
ENTRYPOINT ["node", "bin/netmap.js"]
CMD ["serve", "--host=0.0.0.0", "--port=8080"]
