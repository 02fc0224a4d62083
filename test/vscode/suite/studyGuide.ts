// What the editor must show on the study guide's bad example (test/fixtures/examples/bad/Dockerfile): the
// best-practice findings, one table shared by the extension-host suite and the UI tests (test/ui).

/** [line (1-based), column (1-based), rule id, the text the squiggle covers]. */
export type StudyGuideFinding = readonly [line: number, column: number, rule: string, text: string];

export const BAD_FINDINGS: readonly StudyGuideFinding[] = [
    [6, 5, 'secret-in-env', 'MYSQL_ROOT_PASSWORD'],
    [7, 5, 'secret-in-env', 'WORDPRESS_DB_PASSWORD'],
    [10, 5, 'service-logs-to-file', 'apache2'],
    [11, 5, 'database-and-web-server', 'mysql-server'],
    [11, 5, 'service-logs-to-file', 'mysql-server'],
    [23, 11, 'log-to-file', 'ErrorLog /var/log/apache2/wordpress-error.log'],
    [24, 14, 'log-to-file', 'CustomLog /var/log/apache2/wordpress-access.log'],
    [25, 43, 'log-to-file', 'general_log_file = /var/log/mysql/mysql.log'],
    [27, 5, 'cmd-exec-form', 'service mysql start && service apache2 start && tail -f /dev/null'],
    [27, 5, 'daemonized-main-process', 'service mysql start'],
    [27, 13, 'volume-missing', 'mysql'],
    [27, 28, 'daemonized-main-process', 'service apache2 start'],
    [27, 28, 'multiple-services', 'service apache2 start'],
    [27, 36, 'expose-missing', 'apache2'],
    [27, 53, 'keep-alive-hack', 'tail -f /dev/null'],
];

/** The rule categories of the study guide's six practices (the other categories hold the wider rule set). */
export const PRACTICE_CATEGORIES: readonly string[] = [
    'one-process',
    'ports',
    'persistence',
    'configuration',
    'logging',
    'foreground',
];

/** The six practices and the rules that report each on the bad example. */
export const PRACTICES: Readonly<Record<string, readonly string[]>> = {
    'one process per container': ['multiple-services', 'database-and-web-server'],
    'EXPOSE the ports': ['expose-missing'],
    'VOLUME for data': ['volume-missing'],
    'configuration from the environment, no secrets': ['secret-in-env'],
    'logs to stdout/stderr': ['log-to-file', 'service-logs-to-file'],
    'the main process in the foreground as PID 1': ['cmd-exec-form', 'daemonized-main-process', 'keep-alive-hack'],
};
