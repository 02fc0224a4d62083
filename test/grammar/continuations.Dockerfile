# SYNTAX TEST "source.dockerfile" "line continuations, comment and empty lines inside instructions"
RUN apt-get update \
#                  ^ meta.instruction.run.dockerfile constant.character.escape.line-continuation.shell
    # comments inside a continuation are dropped by the parser
#   ^ meta.instruction.run.dockerfile comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
 && apt-get install -y --no-install-recommends ca-certificates \
#^^ meta.instruction.run.dockerfile meta.embedded.line.shell.dockerfile
#                      ^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.shell.dockerfile - variable.parameter.flag.dockerfile
 && rm -rf /var/lib/apt/lists/*
#   ^^ meta.instruction.run.dockerfile meta.embedded.line.shell.dockerfile
CMD ["next"]
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
ENV A=1 \
#       ^ meta.instruction.env.dockerfile constant.character.escape.line-continuation.dockerfile
    B=2
#   ^ meta.instruction.env.dockerfile variable.other.definition.dockerfile
RUN --mount=type=cache,target=/var/cache/apk \
    --mount=type=bind,source=go.sum,target=go.sum \
#   ^^^^^^^ meta.instruction.run.dockerfile variable.parameter.flag.dockerfile
#                ^^^^ constant.language.mount-type.dockerfile
    apk add --no-cache git
#   ^^^ meta.embedded.line.shell.dockerfile
#           ^^^^^^^^^^ - variable.parameter.flag.dockerfile
RUN \
    echo keyword-then-continuation
#   ^^^^ meta.instruction.run.dockerfile meta.embedded.line.shell.dockerfile
RUN echo trailing blanks after the backslash \  
    still-the-same-instruction
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile
RUN echo one \

    two-after-an-empty-continuation-line
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.instruction.run.dockerfile
RUN echo done
  RUN indented-next-instruction
# ^^^ meta.instruction.run.dockerfile keyword.other.special-method.dockerfile
WORKDIR /a
  /b
# ^^ - meta.instruction
# a comment after an instruction is a comment, not a continuation
# <- comment.line.number-sign.dockerfile - meta.instruction
RUN echo "a string \
   continued" && echo after
#  ^^^^^^^^^ meta.instruction.run.dockerfile string.quoted.double.shell
#                     ^^^^^ meta.instruction.run.dockerfile
LABEL description="multi \
  line"
# ^^^^^ meta.instruction.label.dockerfile string.quoted.double.dockerfile
