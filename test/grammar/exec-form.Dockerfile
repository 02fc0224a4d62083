# SYNTAX TEST "source.dockerfile" "JSON exec form and shell form of RUN, CMD, ENTRYPOINT, SHELL"
CMD ["nginx", "-g", "daemon off;"]
#   ^ meta.instruction.cmd.dockerfile meta.exec-form.dockerfile punctuation.definition.array.begin.dockerfile
#    ^ meta.exec-form.dockerfile string.quoted.double.json.dockerfile punctuation.definition.string.begin.dockerfile
#     ^^^^^ string.quoted.double.json.dockerfile
#           ^ punctuation.separator.array.dockerfile
#                    ^^^^^^^^^^^ string.quoted.double.json.dockerfile - punctuation.terminator.statement.semicolon.shell
#                                ^ punctuation.definition.array.end.dockerfile
ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]
# <---------- meta.instruction.entrypoint.dockerfile keyword.other.special-method.dockerfile
#                            ^^^^ string.quoted.double.json.dockerfile
RUN ["/bin/sh", "-c", "echo \"quoted\" \\ \u00e9 $HOME"]
#                           ^^ constant.character.escape.dockerfile
#                                      ^^ constant.character.escape.dockerfile
#                                         ^^^^^^ constant.character.escape.dockerfile
#                                                ^^^^^ string.quoted.double.json.dockerfile - variable.other.dockerfile
CMD ["bad escape \q"]
#                ^^ invalid.illegal.unrecognized-string-escape.dockerfile
CMD []
#   ^^ meta.exec-form.dockerfile
CMD [ \
  "python", \
# ^^^^^^^^ meta.exec-form.dockerfile string.quoted.double.json.dockerfile
#           ^ constant.character.escape.line-continuation.dockerfile
  "-m", "http.server" ]
#                     ^ meta.exec-form.dockerfile punctuation.definition.array.end.dockerfile
CMD ['single', 'quotes']
#   ^ meta.embedded.line.shell.dockerfile - meta.exec-form.dockerfile
CMD python -m http.server
#   ^^^^^^ meta.instruction.cmd.dockerfile meta.embedded.line.shell.dockerfile entity.name.command.shell
#          ^^ meta.embedded.line.shell.dockerfile
ENTRYPOINT exec gunicorn app:wsgi
#          ^^^^ meta.embedded.line.shell.dockerfile
SHELL ["pwsh", "-Command"]
#      ^^^^^^ meta.instruction.shell.dockerfile meta.exec-form.dockerfile string.quoted.double.json.dockerfile
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
#           ^^^ meta.instruction.healthcheck.dockerfile keyword.other.special-method.dockerfile
#               ^ meta.exec-form.dockerfile punctuation.definition.array.begin.dockerfile
