#include "AuditHead.h"

#include "AuditLog.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"

#include <QRegularExpression>

std::optional<AuditHead> AuditHead::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,18})\\s*:\\s*([0-9A-Fa-f]{16,64})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return AuditHead{m.captured(1).toLongLong(), m.captured(2).toLower()};
}

AuditHead AuditHead::of(SqliteDatabase &db)
{
    AuditHead head;
    head.entries = db.queryInt(QStringLiteral("SELECT count(*) FROM audit_log"));
    head.hash = db.queryText(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (head.entries == 0)
        head.hash = AuditLog::genesisHash();
    return head;
}

QString AuditHead::hashOfEntry(SqliteDatabase &db, qint64 n)
{
    if (n <= 0)
        return AuditLog::genesisHash();
    SqliteStatement st = db.prepare(QStringLiteral("SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?"));
    st.bind(1, n - 1);
    return st.step() ? st.text(0) : QString();
}

bool AuditHead::matches(const QString &fullHash) const
{
    return !hash.isEmpty() && fullHash.size() == 64 && fullHash.startsWith(hash, Qt::CaseInsensitive);
}
