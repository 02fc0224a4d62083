# SYNTAX TEST "source.dockerfile" "variable references and modifiers in Dockerfile arguments"
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-alpine
#         ^^ variable.other.dockerfile punctuation.definition.variable.begin.dockerfile
#           ^^^^^^^^^^^^ constant.numeric.tag.dockerfile variable.other.dockerfile
#                       ^ variable.other.dockerfile punctuation.definition.variable.end.dockerfile
ENV HOME_DIR=$HOME/app CACHE=${XDG_CACHE_HOME:-/tmp/cache} FLAG=${DEBUG:+--verbose} NEED=${REQUIRED:?set REQUIRED}
#            ^ variable.other.dockerfile punctuation.definition.variable.dockerfile
#             ^^^^ variable.other.dockerfile
#                              ^^^^^^^^^^^^^^ variable.other.dockerfile
#                                            ^^ keyword.operator.expansion.dockerfile
#                                              ^^^^^^^^^^ string.unquoted.value.dockerfile - variable.other.dockerfile
#                                                                      ^^ keyword.operator.expansion.dockerfile
#                                                                                                  ^^ keyword.operator.expansion.dockerfile
ENV NESTED=${A:-${B:-c}}
#                 ^ variable.other.dockerfile
ENV STRIP=${VERSION#v} SUFFIX=${FILE%%.*} REPLACED=${PATH//:/ }
#                  ^ keyword.operator.expansion.dockerfile
#                                   ^^ keyword.operator.expansion.dockerfile
#                                                        ^^ keyword.operator.expansion.dockerfile
ENV ESCAPED=\$NOT_A_VARIABLE
#           ^^ constant.character.escape.dockerfile
#             ^^^^^^^^^^^^^^ - variable.other.dockerfile
LABEL version="${VERSION}" literal='$VERSION'
#                ^^^^^^^ string.quoted.double.dockerfile variable.other.dockerfile
#                                   ^^^^^^^^ string.quoted.single.dockerfile - variable.other.dockerfile
COPY --chown=${UID}:${GID} ./src "/srv/$APP_NAME/"
#              ^^^ string.unquoted.flag-value.dockerfile variable.other.dockerfile
#                                       ^^^^^^^^ string.quoted.double.dockerfile variable.other.dockerfile
RUN echo "$HOME is expanded by the shell"
#          ^^^^ meta.embedded.line.shell.dockerfile variable.other.normal.shell
CMD ["echo", "$HOME is not expanded in exec form"]
#             ^^^^^ string.quoted.double.json.dockerfile - variable.other.dockerfile
