# FeedSafe in a small runtime image, for the Slurm and Kubernetes guides (docs/cluster.md):
#   docker build -t feedsafe .
#   docker run --rm -v "$PWD/results:/results" feedsafe run /opt/feedsafe/scenarios/quickstart.yaml --db /results/q.sqlite
# The build stage makes the self-contained binary (scripts/build-static.sh: Swift's runtime and
# SQLite linked statically); the runtime stage needs only glibc and libstdc++, which the Debian
# base image carries. Untested on the machine FeedSafe is developed on: no registry is reachable
# there to pull the base images (docs/cluster.md, "Container image").
ARG SWIFT_IMAGE=swift:6.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends libsqlite3-dev pkg-config binutils \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/build-static.sh

FROM ${RUNTIME_IMAGE}
RUN useradd --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin feedsafe \
  && mkdir -p /scenarios /results && chown feedsafe:feedsafe /results
COPY --from=build /src/.build-static/bin/feedsafe /usr/local/bin/feedsafe
COPY scenarios /opt/feedsafe/scenarios
USER 10001
WORKDIR /results
ENTRYPOINT ["feedsafe"]
CMD ["--help"]
