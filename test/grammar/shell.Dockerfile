# SYNTAX TEST "source.dockerfile" "shell form embeds source.shell"
RUN set -eux; \
#   ^^^ meta.embedded.line.shell.dockerfile meta.statement.shell entity.name.command.shell
#           ^ punctuation.terminator.statement.semicolon.shell
    if [ -n "$TARGETARCH" ]; then echo "$TARGETARCH"; fi; \
#   ^^ meta.embedded.line.shell.dockerfile keyword.control.if.shell
#                                                     ^^ keyword.control.fi.shell
    for f in a b; do echo "$f" | tr a-z A-Z > /dev/null 2>&1; done
#   ^^^ meta.embedded.line.shell.dockerfile
#                              ^ keyword.operator.pipe.shell
#                                           ^ keyword.operator.redirect.shell
RUN VAR=value some-command --flag 'single' "double $(date)"
#   ^^^ meta.embedded.line.shell.dockerfile variable.other.assignment.shell
#                                 ^^^^^^^^ string.quoted.single.shell
#                                                  ^^ meta.embedded.line.shell.dockerfile
RUN foo # shell comment \
#       ^ meta.embedded.line.shell.dockerfile comment.line.number-sign.dockerfile
#                       ^ constant.character.escape.line-continuation.dockerfile
  still-in-the-instruction
# ^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile
RUN echo one;
CMD ["a semicolon at the end does not swallow the next line"]
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
RUN echo unfinished &&
ENTRYPOINT ["neither", "does", "a", "dangling", "operator"]
# <---------- meta.instruction.entrypoint.dockerfile keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
