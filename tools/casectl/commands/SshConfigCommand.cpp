#include "CliContext.h"
#include "CommandRegistry.h"
#include "transport/HostSpec.h"
#include "transport/SshConfigFile.h"

#include <QJsonArray>
#include <QJsonObject>

#include <stdexcept>

// casectl ssh-config HOST...: the settings Casebook resolves from the OpenSSH
// client config for each host, named and spelled as `ssh -G` prints them.
class SshConfigCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("ssh-config"); }
    QString summary() const override { return QStringLiteral("Show the ssh settings Casebook would use for hosts (like ssh -G)."); }
    void setup(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("HOST"), QStringLiteral("Host spec or ssh_config alias."), QStringLiteral("HOST..."));
        p.addOption({QStringLiteral("ssh-config"), QStringLiteral("Read only this OpenSSH client config (like ssh -F)."), QStringLiteral("FILE")});
        p.addOption({QStringLiteral("known-hosts"), QStringLiteral("Use this known_hosts file (like -o UserKnownHostsFile=FILE)."), QStringLiteral("FILE")});
        addJsonOption(p);
    }
    int run(const QCommandLineParser &p, CliContext &ctx) override
    {
        const QStringList hosts = p.positionalArguments();
        if (hosts.isEmpty())
            throw UsageError(QStringLiteral("usage: casectl ssh-config HOST... [--ssh-config FILE] [--json]"));
        const SshConfigFile config = SshConfigFile::load(p.value(QStringLiteral("ssh-config")));
        QJsonArray all;
        for (const QString &spec : hosts) {
            HostSpec hs;
            try {
                hs = HostSpec::parse(spec);
            } catch (const std::invalid_argument &e) {
                throw UsageError(QStringLiteral("%1: %2").arg(spec, QString::fromUtf8(e.what())));
            }
            SshHostConfig c = config.resolve(hs.host, hs.user, hs.port);
            if (p.isSet(QStringLiteral("known-hosts")))
                c.userKnownHostsFiles = {p.value(QStringLiteral("known-hosts"))};
            const QList<std::pair<QString, QJsonValue>> fields{
                {QStringLiteral("host"), c.alias},
                {QStringLiteral("hostname"), c.hostName},
                {QStringLiteral("port"), c.port},
                {QStringLiteral("user"), c.user},
                {QStringLiteral("identityfile"), QJsonArray::fromStringList(c.identityFiles)},
                {QStringLiteral("identityfile_expanded"), QJsonArray::fromStringList(c.identityFilesExpanded)},
                {QStringLiteral("identitiesonly"), c.identitiesOnly ? QStringLiteral("yes") : QStringLiteral("no")},
                {QStringLiteral("certificatefile"), QJsonArray::fromStringList(c.certificateFiles)},
                {QStringLiteral("userknownhostsfile"), QJsonArray::fromStringList(c.userKnownHostsFiles)},
                {QStringLiteral("globalknownhostsfile"), QJsonArray::fromStringList(c.globalKnownHostsFiles)},
                {QStringLiteral("stricthostkeychecking"), SshHostConfig::strictName(c.strictHostKeyChecking)},
                {QStringLiteral("hashknownhosts"), c.hashKnownHosts ? QStringLiteral("yes") : QStringLiteral("no")},
                {QStringLiteral("connecttimeout"), c.connectTimeoutSeconds < 0 ? QJsonValue(QStringLiteral("none"))
                                                                               : QJsonValue(c.connectTimeoutSeconds)},
                {QStringLiteral("serveraliveinterval"), c.serverAliveInterval},
                {QStringLiteral("serveralivecountmax"), c.serverAliveCountMax},
                {QStringLiteral("proxyjump"), c.proxyJump.isEmpty() ? QJsonValue() : QJsonValue(c.proxyJump)},
                {QStringLiteral("ignored"), QJsonArray::fromStringList(c.ignored)},
            };
            if (ctx.json()) {
                QJsonObject o;
                for (const auto &[key, value] : fields)
                    o.insert(key, value);
                all.append(o);
                continue;
            }
            for (const auto &[key, value] : fields) {
                if (key == QLatin1String("identityfile_expanded") || value.isNull())
                    continue;
                const QStringList values = value.isArray() ? value.toVariant().toStringList()
                                                           : QStringList{value.toVariant().toString()};
                if (key == QLatin1String("identityfile") || key == QLatin1String("certificatefile")
                    || key == QLatin1String("ignored")) {
                    for (const QString &v : values)
                        ctx.out() << key << ' ' << CliContext::safe(v) << '\n';
                } else if (!values.isEmpty()) {
                    ctx.out() << key << ' ' << CliContext::safe(values.join(QLatin1Char(' '))) << '\n';
                }
            }
            if (hosts.size() > 1)
                ctx.out() << '\n';
        }
        if (ctx.json())
            ctx.printJson(all);
        return ExitOk;
    }
};

CASECTL_REGISTER_COMMAND(SshConfigCommand)
