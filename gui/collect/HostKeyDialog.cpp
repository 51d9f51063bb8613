#include "HostKeyDialog.h"

#include "trust/HostKeyPrompt.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

HostKeyDialog::HostKeyDialog(const HostKeyQuestion &q, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Unknown Host Key"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("Casebook has not seen this host's key before. Compare the fingerprint with one "
                                "obtained from the host's owner or console before trusting it."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto plain = [this](const QString &text, bool mono = false) {
        auto *l = new QLabel(text, this);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        if (mono)
            l->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        return l;
    };
    form->addRow(tr("Host:"), plain(q.host));
    form->addRow(tr("Key type:"), plain(q.keyType));
    form->addRow(tr("Fingerprint:"), plain(q.sha256, true));
    form->addRow(tr("Recorded in:"), plain(q.knownHostsFile));
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trust = buttons->addButton(tr("&Trust and Connect"), QDialogButtonBox::AcceptRole);
    QPushButton *refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    refuse->setDefault(true);
    refuse->setFocus();
    Q_UNUSED(trust);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

bool HostKeyDialog::ask(const HostKeyQuestion &question, QWidget *parent)
{
    HostKeyDialog dlg(question, parent);
    return dlg.exec() == QDialog::Accepted;
}
