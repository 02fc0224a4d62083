# SYNTAX TEST "source.dockerfile" "heredocs in RUN, COPY and ADD"
RUN <<EOF
#   ^^ meta.instruction.run.dockerfile meta.heredoc.dockerfile keyword.operator.heredoc.dockerfile
#     ^^^ entity.name.tag.heredoc.dockerfile
set -eu
# <--- meta.heredoc.dockerfile meta.embedded.block.shell.dockerfile entity.name.command.shell
# a shell comment, not a Dockerfile comment
# <- meta.embedded.block.shell.dockerfile comment.line.number-sign.shell
echo "home is $HOME" \
  and-a-shell-continuation
FROM is-not-an-instruction-here
# <---- meta.embedded.block.shell.dockerfile - keyword.other.special-method.dockerfile
EOF
# <--- meta.heredoc.dockerfile entity.name.tag.heredoc.dockerfile - meta.embedded.block.shell.dockerfile
CMD ["after"]
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile - meta.heredoc.dockerfile
RUN <<-"SCRIPT" bash -eux
#   ^^^ keyword.operator.heredoc.dockerfile
#      ^ punctuation.definition.heredoc.quote.dockerfile
#       ^^^^^^ entity.name.tag.heredoc.dockerfile
#               ^^^^ meta.heredoc.dockerfile entity.name.command.shell
	echo "tab-indented body and end marker"
#^^^^ meta.embedded.block.shell.dockerfile
	SCRIPT
#^^^^^^ entity.name.tag.heredoc.dockerfile
RUN --mount=type=cache,target=/root/.cache <<EOT
#   ^^^^^^^ variable.parameter.flag.dockerfile
#                                          ^^ keyword.operator.heredoc.dockerfile
pip install -r requirements.txt
# <--- meta.embedded.block.shell.dockerfile
EOT
RUN <<EOF python3
#         ^^^^^^^ meta.heredoc.dockerfile entity.name.command.shell
print("data for python, not shell")
# <----- meta.heredoc.dockerfile string.unquoted.heredoc.dockerfile
EOF
COPY <<EOF /etc/app/app.conf
#          ^^^^^^^^^^^^^^^^^ meta.instruction.copy.dockerfile meta.heredoc.dockerfile
listen ${PORT:-8080}
# <------ string.unquoted.heredoc.dockerfile
#        ^^^^ string.unquoted.heredoc.dockerfile variable.other.dockerfile
EOF
COPY <<'EOF' /etc/motd
no ${EXPANSION} in a quoted heredoc
#  ^^^^^^^^^^^^ string.unquoted.heredoc.dockerfile - variable.other.dockerfile
EOF
COPY --chmod=755 <<EOF /usr/local/bin/entrypoint.sh
#!/bin/sh
# <-- meta.embedded.block.shell.dockerfile
exec "$@"
# <---- meta.embedded.block.shell.dockerfile
EOF
RUN cat <<CONF > /etc/nginx/conf.d/default.conf
#       ^^ keyword.operator.heredoc.shell
server { listen 80; }
# <------ string.unquoted.heredoc.no-indent.CONF
CONF
EXPOSE 80
# <------ meta.instruction.expose.dockerfile keyword.other.special-method.dockerfile
