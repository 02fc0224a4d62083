# SYNTAX TEST "source.dockerfile" "parser directives at the top, pragmas and comments below"
# syntax=docker/dockerfile:1.7-labs
# <- meta.preprocessor.directive.syntax.dockerfile punctuation.definition.directive.dockerfile
# ^^^^^^ keyword.control.directive.dockerfile
#       ^ keyword.operator.assignment.dockerfile
#        ^^^^^^^^^^^^^^^^^ entity.name.type.image.dockerfile
#                         ^ punctuation.separator.tag.dockerfile
#                          ^^^^^^ constant.numeric.tag.dockerfile
#   Check = skip=JSONArgsRecommended,StageNameCasing;error=true;experimental=all
# <- meta.preprocessor.directive.check.dockerfile
#   ^^^^^ keyword.control.directive.dockerfile
#           ^^^^ entity.other.attribute-name.check-option.dockerfile
#               ^ keyword.operator.assignment.dockerfile
#                ^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.dockerfile
#                                   ^ punctuation.separator.comma.dockerfile
#                                                   ^ punctuation.separator.semicolon.dockerfile
#                                                          ^^^^ constant.language.boolean.dockerfile
#                                                                            ^^^ constant.language.all.dockerfile
# escape=\
# <- meta.preprocessor.directive.escape.dockerfile
# ^^^^^^ keyword.control.directive.dockerfile
#        ^ constant.character.escape.dockerfile

# syntax=after/a/blank:line
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - meta.preprocessor
# A plain comment
# <- comment.line.number-sign.dockerfile
FROM alpine:3.20
# hadolint ignore=DL3018,SC2086 # trailing words stay a comment
# <- comment.line.number-sign.pragma.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^ comment.line.number-sign.pragma.dockerfile keyword.other.pragma.dockerfile
#          ^^^^^^ keyword.other.pragma.ignore.dockerfile
#                ^ keyword.operator.assignment.dockerfile
#                 ^^^^^^ constant.other.rule-id.dockerfile
#                       ^ punctuation.separator.comma.dockerfile
#                        ^^^^^^ constant.other.rule-id.dockerfile
#                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.pragma.dockerfile - constant.other.rule-id.dockerfile
RUN apk add curl
  # dockwise ignore=keep-alive-hack, no-latest-tag
# ^ comment.line.number-sign.pragma.dockerfile punctuation.definition.comment.dockerfile
#   ^^^^^^^^ keyword.other.pragma.dockerfile
#            ^^^^^^ keyword.other.pragma.ignore.dockerfile
#                   ^^^^^^^^^^^^^^^ constant.other.rule-id.dockerfile
#                                    ^^^^^^^^^^^^^ constant.other.rule-id.dockerfile
CMD ["sleep", "infinity"]
# hadolint global ignore=DL3006
#          ^^^^^^ storage.modifier.pragma-scope.dockerfile
#                 ^^^^^^ keyword.other.pragma.ignore.dockerfile
#                        ^^^^^^ constant.other.rule-id.dockerfile
# hadolint stage ignore=DL3011
#          ^^^^^ storage.modifier.pragma-scope.dockerfile
# hadolint shell=powershell
#          ^^^^^ keyword.other.pragma.shell.dockerfile
#                ^^^^^^^^^^ string.unquoted.shell-name.dockerfile
# check=skip=SecretsUsedInArgOrEnv
# <- comment.line.number-sign.pragma.dockerfile - meta.preprocessor
# ^^^^^ keyword.other.pragma.dockerfile
#             ^^^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.dockerfile
ARG API_TOKEN_FILE=/run/secrets/token
