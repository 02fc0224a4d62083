import type { Rule } from '../types';
import { multipleServices } from './multiple-services';
import { processSupervisor } from './process-supervisor';
import { databaseAndWebServer } from './database-and-web-server';
import { exposeMissing } from './expose-missing';
import { exposeInvalid } from './expose-invalid';
import { exposeProtoCasing } from './expose-proto-casing';
import { volumeMissing } from './volume-missing';
import { volumeJsonSingleQuotes } from './volume-json-single-quotes';
import { keepAliveHack } from './keep-alive-hack';
import { secretInEnv } from './secret-in-env';
import { secretInRun } from './secret-in-run';
import { insecureDownload } from './insecure-download';
import { unsignedPackages } from './unsigned-packages';
import { logToFile } from './log-to-file';
import { serviceLogsToFile } from './service-logs-to-file';
import { cmdExecForm } from './cmd-exec-form';
import { daemonizedMainProcess } from './daemonized-main-process';
import { copyDestination } from './copy-destination';
import { directiveCasing } from './directive-casing';
import { duplicateStageName } from './duplicate-stage-name';
import { emptyContinuationLine } from './empty-continuation-line';
import { escapeDirective } from './escape-directive';
import { fromFirst } from './from-first';
import { instructionArguments } from './instruction-arguments';
import { instructionCasing } from './instruction-casing';
import { invalidFlag } from './invalid-flag';
import { invalidReference } from './invalid-reference';
import { invalidSignal } from './invalid-signal';
import { invalidStageName } from './invalid-stage-name';
import { invalidSyntax } from './invalid-syntax';
import { jsonSingleQuotes } from './json-single-quotes';
import { maintainerDeprecated } from './maintainer-deprecated';
import { multipleInstructions } from './multiple-instructions';
import { onbuildTrigger } from './onbuild-trigger';
import { unknownInstruction } from './unknown-instruction';
import { workdirRelative } from './workdir-relative';
import { aptPin } from './apt-pin';
import { aptYes } from './apt-yes';
import { aptNoInstallRecommends } from './apt-no-install-recommends';
import { aptListsCleanup } from './apt-lists-cleanup';
import { aptGetOverApt } from './apt-get-over-apt';
import { aptDistUpgrade } from './apt-dist-upgrade';
import { updateWithoutInstall } from './update-without-install';
import { apkPin } from './apk-pin';
import { apkNoCache } from './apk-no-cache';
import { pipPin } from './pip-pin';
import { pipNoCacheDir } from './pip-no-cache-dir';
import { npmPin } from './npm-pin';
import { yarnCacheClean } from './yarn-cache-clean';
import { gemPin } from './gem-pin';
import { goInstallPin } from './go-install-pin';
import { yumYes } from './yum-yes';
import { yumClean } from './yum-clean';
import { yumPin } from './yum-pin';
import { dnfYes } from './dnf-yes';
import { dnfClean } from './dnf-clean';
import { dnfPin } from './dnf-pin';
import { zypperYes } from './zypper-yes';
import { zypperDistUpgrade } from './zypper-dist-upgrade';
import { zypperClean } from './zypper-clean';
import { zypperPin } from './zypper-pin';
import { curlAndWget } from './curl-and-wget';
import { wgetProgress } from './wget-progress';
import { noSudo } from './no-sudo';
import { pointlessCommand } from './pointless-command';
import { cdInRun } from './cd-in-run';
import { useraddLogInit } from './useradd-log-init';
import { pipefail } from './pipefail';
import { useShellInstruction } from './use-shell-instruction';
import { consecutiveRun } from './consecutive-run';
import { baseImageTag } from './base-image-tag';
import { baseImageLatest } from './base-image-latest';
import { trustedRegistry } from './trusted-registry';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { fromPlatformConst } from './from-platform-const';
import { redundantTargetPlatform } from './redundant-target-platform';
import { reservedStageName } from './reserved-stage-name';
import { stageNameCasing } from './stage-name-casing';
import { fromAsCasing } from './from-as-casing';
import { copyFromStage } from './copy-from-stage';
import { copyFromSelf } from './copy-from-self';
import { copyWholeFilesystem } from './copy-whole-filesystem';
import { copyNotAdd } from './copy-not-add';
import { addToExtract } from './add-to-extract';
import { copyRelativeWithoutWorkdir } from './copy-relative-without-workdir';
import { copyIgnoredFile } from './copy-ignored-file';
import { undefinedVar } from './undefined-var';
import { envSelfReference } from './env-self-reference';
import { legacyKeyValue } from './legacy-key-value';
import { labelKeyInvalid } from './label-key-invalid';
import { labelMissing } from './label-missing';
import { labelSuperfluous } from './label-superfluous';
import { labelEmpty } from './label-empty';
import { labelFormat } from './label-format';
import { userRoot } from './user-root';
import { userNumeric } from './user-numeric';
import { healthcheckMissing } from './healthcheck-missing';
import { exposeSsh } from './expose-ssh';
import { workdirSystemDir } from './workdir-system-dir';
import { definitionDescription } from './definition-description';
import { inlineIgnorePragma } from './inline-ignore-pragma';

/** Every Dockwise rule, in the order the docs list them. */
export const RULES: readonly Rule[] = [
    multipleServices,
    processSupervisor,
    databaseAndWebServer,
    exposeMissing,
    exposeInvalid,
    exposeProtoCasing,
    volumeMissing,
    volumeJsonSingleQuotes,
    keepAliveHack,
    secretInEnv,
    secretInRun,
    insecureDownload,
    unsignedPackages,
    logToFile,
    serviceLogsToFile,
    cmdExecForm,
    daemonizedMainProcess,
    copyDestination,
    directiveCasing,
    duplicateStageName,
    emptyContinuationLine,
    escapeDirective,
    fromFirst,
    instructionArguments,
    instructionCasing,
    invalidFlag,
    invalidReference,
    invalidSignal,
    invalidStageName,
    invalidSyntax,
    jsonSingleQuotes,
    maintainerDeprecated,
    multipleInstructions,
    onbuildTrigger,
    unknownInstruction,
    workdirRelative,
    aptPin,
    aptYes,
    aptNoInstallRecommends,
    aptListsCleanup,
    aptGetOverApt,
    aptDistUpgrade,
    updateWithoutInstall,
    apkPin,
    apkNoCache,
    pipPin,
    pipNoCacheDir,
    npmPin,
    yarnCacheClean,
    gemPin,
    goInstallPin,
    yumYes,
    yumClean,
    yumPin,
    dnfYes,
    dnfClean,
    dnfPin,
    zypperYes,
    zypperDistUpgrade,
    zypperClean,
    zypperPin,
    curlAndWget,
    wgetProgress,
    noSudo,
    pointlessCommand,
    cdInRun,
    useraddLogInit,
    pipefail,
    useShellInstruction,
    consecutiveRun,
    baseImageTag,
    baseImageLatest,
    trustedRegistry,
    undefinedArgInFrom,
    invalidDefaultArgInFrom,
    fromPlatformConst,
    redundantTargetPlatform,
    reservedStageName,
    stageNameCasing,
    fromAsCasing,
    copyFromStage,
    copyFromSelf,
    copyWholeFilesystem,
    copyNotAdd,
    addToExtract,
    copyRelativeWithoutWorkdir,
    copyIgnoredFile,
    undefinedVar,
    envSelfReference,
    legacyKeyValue,
    labelKeyInvalid,
    labelMissing,
    labelSuperfluous,
    labelEmpty,
    labelFormat,
    userRoot,
    userNumeric,
    healthcheckMissing,
    exposeSsh,
    workdirSystemDir,
    definitionDescription,
    inlineIgnorePragma,
];

export function ruleById(id: string): Rule | undefined {
    return RULES.find((r) => r.id === id);
}
