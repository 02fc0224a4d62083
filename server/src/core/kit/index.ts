// The rule kit: everything a rule file may need besides the model (`../model`) and its own logic.
// Read this first when writing a rule; import from `../kit`.
//
//   stages.ts         stage chains and the final image: stageChain, finalInstructions, lastFinal, finalEnv,
//                     instructionsBefore, shellOf / posixShell, baseFlavor, copyDestination
//   runs.ts           RUN instructions and their commands: allRuns / finalRuns (ONBUILD RUN included), mounts,
//                     cacheMounted, mainCommands (ENTRYPOINT + CMD), runCommands, topLevel, words, commandText,
//                     installedPackages, uncleanedInstalls, removesDir, earlierRunMatches
//   edits.ts          quick-fix edits: insertLinesBefore, insertAfter, appendCommand, cleanEnd, mergeRuns,
//                     replaceWord (each undefined when the edit could change what the file means)
//   text.ts           text and ranges: rangeText, narrow, nextCharRange, head, hull, instructionAt,
//                     isExpansion; words for messages: nameList, closeMatches, typoDistance
//   switches.ts       rules that report a switch turning a check off: Off, switchFindings, removeSwitch
//   dockerfileUtils.ts  dockerfile-utils' validator as Dockwise rules: utilsRule, validation
//
// Domain knowledge (package managers, daemons, secrets, image references…) lives in `../knowledge/`.
export * from './dockerfileUtils';
export * from './edits';
export * from './runs';
export * from './stages';
export * from './switches';
export * from './text';
