import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crlf, findings, hits } from '../helpers';

const ID = 'secret-in-run';

describe(ID, () => {
    it('flags password options, attached and separate', () => {
        const text = [
            'FROM debian:12',
            'RUN app --password=hunter2 --token tok123 --db-password "p w"',
            'RUN mysql -uroot -proot1 -e "SELECT 1" && mysqladmin -u root password newpw',
            'RUN redis-cli -a redispw ping && mongosh -u admin -p mongopw && sshpass -p sshpw ssh host',
            'RUN docker login -u me -p dockerpw registry.example.com && ldapsearch -x -w ldappw',
            'RUN java -Dspring.datasource.password=jdbcpw -jar app.jar',
            'RUN kubectl create secret generic db --from-literal=password=k8spw',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'hunter2'],
            [1, 'tok123'],
            [1, 'p w'],
            [2, 'root1'],
            [2, 'newpw'],
            [3, 'redispw'],
            [3, 'mongopw'],
            [3, 'sshpw'],
            [4, 'dockerpw'],
            [4, 'ldappw'],
            [5, 'jdbcpw'],
            [6, 'k8spw'],
        ]);
    });
    it('flags credentials in curl, URLs, headers and query strings', () => {
        const text = [
            'FROM debian:12',
            'RUN curl -fsSL -u deploy:hunter2 https://repo.example.com/a.tgz && curl --user=bob:pw2 https://x',
            'RUN git clone https://oauth2:glsecret@gitlab.example.com/team/app.git',
            "RUN curl -H 'Authorization: Bearer abc.def' -H 'PRIVATE-TOKEN: gl123' https://x",
            'RUN wget --header="X-Api-Key: k123" "https://api.example.com/v1?api_key=q123&page=1"',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'hunter2'],
            [1, 'pw2'],
            [2, 'oauth2:glsecret'],
            [3, 'abc.def'],
            [3, 'gl123'],
            [4, 'k123'],
            [4, 'q123'],
        ]);
    });
    it('flags passwords given to chpasswd, passwd, htpasswd, openssl and SQL', () => {
        const text = [
            'FROM debian:12',
            "RUN echo 'root:toor' | chpasswd && echo -e 'pw1\\npw1' | passwd app",
            'RUN htpasswd -bc /etc/nginx/.htpasswd admin webpw && openssl passwd -6 hashme',
            `RUN mysql -e "CREATE USER 'app'@'%' IDENTIFIED BY 'sqlpw'"`,
            'RUN chpasswd <<< "app:herepw" && keytool -importcert -storepass storepw -keypass changeit',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'toor'],
            [1, 'pw1\\npw1'],
            [2, 'webpw'],
            [2, 'hashme'],
            [3, 'sqlpw'],
            [4, 'herepw'],
            [4, 'storepw'],
        ]);
    });
    it('flags passwords preseeded for debconf', () => {
        const text = [
            'FROM ubuntu:22.04',
            "RUN echo 'mysql-server mysql-server/root_password password rootpw' | debconf-set-selections",
            'RUN echo mysql-server mysql-server/root_password_again password rootpw2 | debconf-set-selections',
            "RUN echo 'mysql-community-server mysql-community-server/root-pass password ' | debconf-set-selections",
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'rootpw'],
            [2, 'rootpw2'],
        ]);
    });
    it('flags assignments before a command and exported variables', () => {
        const text = 'FROM postgres:16\nRUN PGPASSWORD=pgpw psql -h db -c "select 1" && export API_TOKEN="exp tok"\n';
        assert.deepEqual(hits(ID, text), [
            [1, 'pgpw'],
            [1, 'exp tok'],
        ]);
    });
    it('flags literal token formats anywhere', () => {
        assert.deepEqual(
            hits(
                ID,
                'FROM a\nRUN npm config set //registry.npmjs.org/:_authToken npm_abcdefghijklmnopqrstuvwxyz0123456789\n',
            ),
            [[1, 'npm_abcdefghijklmnopqrstuvwxyz0123456789']],
        );
    });
    it('flags CMD, ENTRYPOINT and HEALTHCHECK, exec form and sh -c', () => {
        const text = [
            'FROM redis:7',
            'HEALTHCHECK CMD redis-cli -a hcpw ping',
            'ENTRYPOINT ["app", "--api-key=k1"]',
            'CMD ["sh", "-c", "curl -u a:shpw http://x && exec app"]',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), [
            [1, 'hcpw'],
            [2, 'k1'],
            [3, 'shpw'],
        ]);
        const [cmd] = findings(ID, 'FROM a\nCMD app --password=x1\n');
        assert.match(cmd!.message, /docker run -e/);
        const [run] = findings(ID, 'FROM a\nRUN app --password=x1\n');
        assert.match(run!.message, /RUN --mount=type=secret/);
        assert.match(run!.message, /docker build --secret/);
    });
    it('ignores expansions, prompts, switches and secret files', () => {
        const text = [
            'FROM debian:12',
            'RUN --mount=type=secret,id=pw app --password="$(cat /run/secrets/pw)" --token "$TOKEN" --api-key=${KEY}',
            'RUN curl -u "deploy:$REPO_PASSWORD" https://x && curl -u deploy: https://x && curl -H "Authorization: Bearer $T" x',
            'RUN mysql -u root -p mydb && psql --password mydb && docker login --password-stdin -u me reg',
            'RUN app --password-file /run/secrets/pw --no-password --ask-password && echo "$U:$P" | chpasswd',
            'RUN git clone https://$GIT_USER:$GIT_TOKEN@github.com/x/y.git && echo "x:hash" | chpasswd -e',
            'RUN keytool -import -storepass changeit -file ca.crt && printf "%s" "$PW" | passwd --stdin app',
            'RUN grep -q "password=" /etc/app.conf && sed -i "s/^password=.*/password=${DB_PASSWORD}/" /etc/app.conf',
            'RUN docker buildx build --secret id=npm,src=/run/npmrc . && ./configure --with-password-argon2',
            '',
        ].join('\n');
        assert.deepEqual(hits(ID, text), []);
    });
    it('keeps exact ranges across continuations, CRLF and the escape directive', () => {
        const text = 'FROM debian:12\nRUN curl -fsSL \\\n    -u deploy:hunter2 \\\n    https://x\n';
        assert.deepEqual(hits(ID, text), [[2, 'hunter2']]);
        assert.deepEqual(hits(ID, crlf(text)), [[2, 'hunter2']]);
        const tick = '# escape=`\nFROM debian:12\nRUN app `\n    --password=tickpw\n';
        assert.deepEqual(hits(ID, tick), [[3, 'tickpw']]);
        assert.deepEqual(hits(ID, crlf(tick)), [[3, 'tickpw']]);
    });
    it('honours inline suppression', () => {
        assert.deepEqual(hits(ID, 'FROM a\n# dockwise ignore=secret-in-run\nRUN app --password=x1\n'), []);
    });
});
