# SYNTAX TEST "source.dockerfile" "the escape=` parser directive (Windows images)"
# escape=`
#        ^ meta.preprocessor.directive.escape.dockerfile constant.character.escape.dockerfile
# syntax=docker/dockerfile:1
# ^^^^^^ meta.escape.backtick.dockerfile meta.preprocessor.directive.syntax.dockerfile keyword.control.directive.dockerfile
FROM mcr.microsoft.com/windows/servercore:ltsc2022
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.escape.backtick.dockerfile entity.name.type.image.dockerfile
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
#      ^^^^^^^^^^^^ meta.exec-form.dockerfile string.quoted.double.json.dockerfile
WORKDIR C:\app\
#             ^ meta.instruction.workdir.dockerfile - constant.character.escape.dockerfile constant.character.escape.line-continuation.dockerfile
COPY . C:\app\
# <---- meta.instruction.copy.dockerfile keyword.other.special-method.dockerfile
RUN Write-Host "hello `n world"; `
#              ^^^^^^^^^^^^^^^^ meta.embedded.line.shell.dockerfile string.quoted.double.dockerfile
#                                ^ constant.character.escape.line-continuation.dockerfile
    New-Item -ItemType Directory -Path C:\data
#   ^^^^^^^^ meta.instruction.run.dockerfile - entity.name.command.shell
ENV APP_HOME=C:\app `
    LOG_DIR=C:\logs
#   ^^^^^^^ meta.instruction.env.dockerfile variable.other.definition.dockerfile
CMD ["app.exe"]
# <--- meta.instruction.cmd.dockerfile keyword.other.special-method.dockerfile - meta.instruction.run.dockerfile
