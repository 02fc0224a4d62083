# SYNTAX TEST "source.dockerfile" "instruction keywords, FROM references, flags and arguments"
FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.23-alpine AS build
# <---- meta.instruction.from.dockerfile keyword.other.special-method.dockerfile
#    ^^^^^^^^^^ meta.instruction.from.dockerfile variable.parameter.flag.dockerfile
#              ^ keyword.operator.assignment.dockerfile - variable.other.dockerfile
#                ^^^^^^^^^^^^^ string.unquoted.flag-value.dockerfile variable.other.dockerfile
#                              ^^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile
#                                                      ^ punctuation.separator.tag.dockerfile
#                                                       ^^^^^^^^^^^ constant.numeric.tag.dockerfile
#                                                                   ^^ keyword.other.special-method.dockerfile
#                                                                      ^^^^^ entity.name.function.stage.dockerfile
from localhost:5000/team/app@sha256:2b7412e6465c3c7fc5bb21d3e6f1917c167358449fecac8176c6e496e5c1f05f as Runtime
# <---- keyword.other.special-method.dockerfile
#    ^^^^^^^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile
#                           ^ punctuation.separator.digest.dockerfile
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.digest.dockerfile
#                                                                                                    ^^ keyword.other.special-method.dockerfile
#                                                                                                       ^^^^^^^ entity.name.function.stage.dockerfile
FROM scratch
#    ^^^^^^^ constant.language.scratch.dockerfile
FROM ${BASE_IMAGE}:${BASE_TAG:-3.20}
#    ^^ entity.name.type.image.dockerfile variable.other.dockerfile punctuation.definition.variable.begin.dockerfile
#      ^^^^^^^^^^ variable.other.dockerfile
#                    ^^^^^^^^ constant.numeric.tag.dockerfile variable.other.dockerfile
#                            ^^ keyword.operator.expansion.dockerfile
    RuN echo lower-case and indented
#   ^^^ meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
ONBUILD RUN make install
# <------- keyword.control.dockerfile
#       ^^^ keyword.other.special-method.dockerfile
#           ^^^^ meta.embedded.line.shell.dockerfile
ONBUILD COPY --chown=app:app . /src
# <------- meta.instruction.copy.dockerfile keyword.control.dockerfile
#       ^^^^ keyword.other.special-method.dockerfile
#            ^^^^^^^ variable.parameter.flag.dockerfile
#                    ^^^^^^^ string.unquoted.flag-value.dockerfile
ONBUILD
# <------- keyword.control.dockerfile
COPY --from=build --chmod=0755 --link /out/app /usr/local/bin/app
#    ^^^^^^ variable.parameter.flag.dockerfile
#           ^^^^^ entity.name.function.stage.dockerfile
#                 ^^^^^^^ variable.parameter.flag.dockerfile
#                         ^^^^ constant.numeric.dockerfile
#                              ^^^^^^ variable.parameter.flag.dockerfile
#                                     ^^^^^^^^ meta.instruction.copy.dockerfile - variable.parameter.flag.dockerfile
COPY --from=nginx:1.27-alpine --parents=true /etc/nginx/ /etc/nginx/
#           ^^^^^ entity.name.type.image.dockerfile
#                 ^^^^^^^^^^^ constant.numeric.tag.dockerfile
#                                       ^^^^ constant.language.boolean.dockerfile
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /tmp/
#   ^^^^^^^^^^ variable.parameter.flag.dockerfile
#                                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ markup.underline.link.dockerfile
ADD git@github.com:moby/buildkit.git#v0.16.0 /src/buildkit
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ markup.underline.link.dockerfile
RUN --mount=type=cache,target=/root/.cache/go-build,sharing=locked --network=none go build ./...
#   ^^^^^^^ variable.parameter.flag.dockerfile
#           ^^^^ entity.other.attribute-name.dockerfile
#                ^^^^^ constant.language.mount-type.dockerfile
#                     ^ punctuation.separator.comma.dockerfile
#                             ^^^^^^^^^^^^^^^^^^^^^ string.unquoted.flag-value.dockerfile
#                                                           ^^^^^^ constant.language.sharing.dockerfile
#                                                                  ^^^^^^^^^ variable.parameter.flag.dockerfile
#                                                                            ^^^^ constant.language.flag-value.dockerfile
#                                                                                 ^^^^^^^^ meta.embedded.line.shell.dockerfile
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true --security=insecure npm ci
#                ^^^^^^ constant.language.mount-type.dockerfile
#                          ^^^^^ string.unquoted.flag-value.dockerfile
#                                                    ^^^^^^^^ entity.other.attribute-name.dockerfile
#                                                             ^^^^ constant.language.boolean.dockerfile
#                                                                             ^^^^^^^^ constant.language.flag-value.dockerfile
HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --start-interval=500ms --retries=3 \
  CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1
# ^^^ meta.instruction.healthcheck.dockerfile keyword.other.special-method.dockerfile
#     ^^^^ meta.embedded.line.shell.dockerfile
HEALTHCHECK NONE
#           ^^^^ constant.language.none.dockerfile
ARG VERSION=1.2.3 DEBUG
#   ^^^^^^^ meta.instruction.arg.dockerfile variable.other.definition.dockerfile
#          ^ keyword.operator.assignment.dockerfile
#           ^^^^^ string.unquoted.value.dockerfile
#                 ^^^^^ variable.other.definition.dockerfile
ENV APP_HOME=/srv/app LOG_FORMAT="json lines" PATH=$APP_HOME/bin:${PATH}
#   ^^^^^^^^ variable.other.definition.dockerfile
#            ^^^^^^^^ string.unquoted.value.dockerfile
#                                ^^^^^^^^^^^^ string.unquoted.value.dockerfile string.quoted.double.dockerfile
#                                                  ^^^^^^^^^ string.unquoted.value.dockerfile variable.other.dockerfile
ENV LEGACY_FORM value with spaces
#   ^^^^^^^^^^^ variable.other.definition.dockerfile
#               ^^^^^^^^^^^^^^^^^ string.unquoted.value.dockerfile
LABEL org.opencontainers.image.title="Demo" "com.example.quoted"='single $NOT'
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.label.dockerfile
#                                    ^^^^^^ string.quoted.double.dockerfile
#                                           ^^^^^^^^^^^^^^^^^^^^ entity.other.attribute-name.label.dockerfile
#                                                                        ^^^^ string.quoted.single.dockerfile - variable.other.dockerfile
EXPOSE 8080 8443/tcp 53/UDP 9000-9010/udp $PORT
#      ^^^^ meta.instruction.expose.dockerfile constant.numeric.port.dockerfile
#               ^ punctuation.separator.protocol.dockerfile
#                ^^^ constant.language.protocol.dockerfile
#                       ^^^ constant.language.protocol.dockerfile
#                               ^ punctuation.separator.range.dockerfile
#                                ^^^^ constant.numeric.port.dockerfile
#                                          ^^^^ variable.other.dockerfile
USER 10001:10001
#    ^^^^^ constant.numeric.dockerfile
#         ^ punctuation.separator.user-group.dockerfile
USER app
#    ^^^ string.unquoted.user.dockerfile
WORKDIR /srv/${APP}
#              ^^^ variable.other.dockerfile
VOLUME ["/var/lib/app", "/var/log/app"]
#      ^ meta.array.json.dockerfile punctuation.definition.array.begin.dockerfile
#       ^^^^^^^^^^^^^^ string.quoted.double.json.dockerfile
VOLUME /data /cache
# <------ meta.instruction.volume.dockerfile keyword.other.special-method.dockerfile
STOPSIGNAL SIGRTMIN+3
#          ^^^^^^^^^^ constant.language.signal.dockerfile
STOPSIGNAL 9
#          ^ constant.numeric.dockerfile
MAINTAINER Jane Doe "jane@example.com"
# <---------- meta.instruction.maintainer.dockerfile keyword.other.special-method.dockerfile
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# <----- keyword.other.special-method.dockerfile
#                   ^^^^ meta.exec-form.dockerfile string.quoted.double.json.dockerfile
NOTANINSTRUCTION foo
# <---------------- - keyword.other.special-method.dockerfile
