#include "CollectDialog.h"

#include "CollectRunner.h"
#include "HostHistory.h"
#include "HostKeyDialog.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "collectors/CollectorCatalog.h"
#include "transport/SecretPrompt.h"
#include "trust/HostKeyPrompt.h"

#include <QCommandLineParser>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <stdexcept>

namespace {
// The option lines of a collector's casectl help, shown as a hint.
QString optionHelp(const CollectorFactory &f)
{
    QCommandLineParser p;
    if (f.addOptions)
        f.addOptions(p);
    QStringList lines;
    bool inOptions = false;
    for (const QString &line : p.helpText().split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Options:"))) {
            inOptions = true;
            continue;
        }
        if (inOptions && !line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList splitArgs(const QString &text)
{
    return QProcess::splitCommand(text);
}
}

CollectDialog::CollectDialog(CaseSession *session, const QString &host, const QString &collectorKind, QWidget *parent)
    : QDialog(parent), m_session(session), m_runner(new CollectRunner(this))
{
    setWindowTitle(tr("Collect"));
    auto *layout = new QVBoxLayout(this);

    auto *hostBox = new QGroupBox(tr("Hosts"), this);
    auto *hostLayout = new QVBoxLayout(hostBox);
    auto *hostRow = new QHBoxLayout;
    m_hostEdit = new QLineEdit(hostBox);
    m_hostEdit->setPlaceholderText(tr("local, an ssh_config alias, or user@host:port"));
    auto *completer = new QCompleter(HostHistory::suggestions(), m_hostEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_hostEdit->setCompleter(completer);
    auto *add = new QPushButton(tr("&Add Host"), hostBox);
    hostRow->addWidget(m_hostEdit, 1);
    hostRow->addWidget(add);
    m_hostList = new QListWidget(hostBox);
    m_hostList->setMaximumHeight(90);
    auto *remove = new QPushButton(tr("Remove Selected"), hostBox);
    hostLayout->addLayout(hostRow);
    hostLayout->addWidget(m_hostList);
    hostLayout->addWidget(remove, 0, Qt::AlignRight);
    connect(add, &QPushButton::clicked, this, [this] {
        for (const QString &h : m_hostEdit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
            addHost(h);
        m_hostEdit->clear();
    });
    connect(m_hostEdit, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_hostList->selectedItems()); });
    layout->addWidget(hostBox);

    auto *collectorsWidget = new QWidget(this);
    auto *collectorsLayout = new QVBoxLayout(collectorsWidget);
    const QList<CollectorFactory> factories = CollectorCatalog::all();
    for (const CollectorFactory &f : factories) {
        auto *box = new QGroupBox(QStringLiteral("%1 — %2").arg(f.kind, f.description), collectorsWidget);
        box->setCheckable(true);
        box->setChecked(collectorKind.isEmpty() ? f.kind == QLatin1String("procfs") : f.kind == collectorKind);
        auto *form = new QFormLayout(box);
        auto *options = new QLineEdit(box);
        const QString help = optionHelp(f);
        if (help.contains(QStringLiteral("--") + f.kind))
            options->setText(QStringLiteral("--") + f.kind);
        options->setToolTip(help);
        auto *hint = new QLabel(help, box);
        hint->setTextFormat(Qt::PlainText);
        hint->setWordWrap(true);
        QFont small = hint->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        hint->setFont(small);
        form->addRow(tr("Options:"), options);
        form->addRow(hint);
        collectorsLayout->addWidget(box);
        m_collectors.insert(f.kind, {box, options});
    }
    if (factories.isEmpty())
        collectorsLayout->addWidget(new QLabel(tr("No collectors are available in this build."), collectorsWidget));
    collectorsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(collectorsWidget);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 1);

    m_progressBox = new QGroupBox(tr("Progress"), this);
    m_progress = new QGridLayout(m_progressBox);
    m_progressBox->hide();
    layout->addWidget(m_progressBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole);
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!startCollection())
            QMessageBox::warning(this, tr("Collect"), m_error);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &CollectDialog::reject);
    layout->addWidget(buttons);

    m_runner->setPrompts([this](const HostKeyQuestion &q) { return HostKeyDialog::ask(q, this); },
                         [this](const SecretQuestion &q) -> std::optional<QByteArray> {
                             bool ok = false;
                             const QString text = QInputDialog::getText(
                                 this, tr("Authentication for %1").arg(q.host),
                                 q.prompt.isEmpty() ? tr("Password for %1@%2:").arg(q.user, q.host) : q.prompt,
                                 q.echo ? QLineEdit::Normal : QLineEdit::Password, QString(), &ok);
                             if (!ok)
                                 return std::nullopt;
                             return text.toUtf8();
                         });
    connect(m_runner, &CollectRunner::hostProgress, this, [this](const QString &h, const QString &msg, int percent) {
        const HostRow row = m_rows.value(h);
        if (!row.bar)
            return;
        row.status->setText(msg);
        if (percent < 0)
            row.bar->setRange(0, 0);
        else {
            row.bar->setRange(0, 100);
            row.bar->setValue(percent);
        }
    });
    connect(m_runner, &CollectRunner::hostFinished, this, [this](const QString &h, bool ok, const QString &msg) {
        const HostRow row = m_rows.value(h);
        if (!row.bar)
            return;
        row.bar->setRange(0, 100);
        row.bar->setValue(100);
        row.status->setText((ok ? tr("Done: %1") : tr("Failed: %1")).arg(msg));
        row.cancel->setEnabled(false);
        m_session->pollForChanges();
    });
    connect(m_runner, &CollectRunner::allFinished, this, [this] {
        m_start->setEnabled(true);
        m_session->pollForChanges();
        emit finished();
    });

    if (!host.isEmpty())
        addHost(host);
    resize(720, 640);
}

CollectDialog::~CollectDialog()
{
    m_runner->cancelAll();
    m_runner->wait();
}

QStringList CollectDialog::hosts() const
{
    QStringList out;
    for (int i = 0; i < m_hostList->count(); ++i)
        out << m_hostList->item(i)->text();
    return out;
}

void CollectDialog::addHost(const QString &host)
{
    const QString h = host.trimmed();
    if (!h.isEmpty() && !hosts().contains(h))
        m_hostList->addItem(h);
}

QStringList CollectDialog::collectorKinds() const
{
    return m_collectors.keys();
}

void CollectDialog::setCollectorOptions(const QString &kind, bool enabled, const QString &options)
{
    if (!m_collectors.contains(kind))
        return;
    m_collectors[kind].box->setChecked(enabled);
    if (!options.isNull())
        m_collectors[kind].options->setText(options);
}

bool CollectDialog::isRunning() const
{
    return m_runner->isRunning();
}

QString CollectDialog::hostStatus(const QString &host) const
{
    const HostRow row = m_rows.value(host);
    return row.status ? row.status->text() : QString();
}

bool CollectDialog::startCollection()
{
    m_error.clear();
    if (!m_session->isOpen() || !m_session->isWritable()) {
        m_error = tr("Open a case you can write to first.");
        return false;
    }
    if (m_runner->isRunning()) {
        m_error = tr("A collection is already running.");
        return false;
    }
    const QStringList hostList = hosts();
    if (hostList.isEmpty()) {
        m_error = tr("Add at least one host ('local' is this machine).");
        return false;
    }
    // Parse every chosen collector's options now, so mistakes show before anything runs.
    struct Chosen
    {
        CollectorFactory factory;
        QStringList args;
    };
    QList<Chosen> chosen;
    for (const CollectorFactory &f : CollectorCatalog::all()) {
        const CollectorUi ui = m_collectors.value(f.kind);
        if (!ui.box || !ui.box->isChecked())
            continue;
        Chosen c{f, QStringList{QStringLiteral("casebook")} + splitArgs(ui.options->text())};
        QCommandLineParser parser;
        f.addOptions(parser);
        if (!parser.parse(c.args)) {
            m_error = tr("%1: %2").arg(f.kind, parser.errorText());
            return false;
        }
        try {
            if (!f.fromOptions(parser)) {
                m_error = tr("%1: these options do not start a collection (see the hint).").arg(f.kind);
                return false;
            }
        } catch (const std::invalid_argument &e) {
            m_error = tr("%1: %2").arg(f.kind, QString::fromUtf8(e.what()));
            return false;
        }
        chosen << c;
    }
    if (chosen.isEmpty()) {
        m_error = tr("Choose at least one collector.");
        return false;
    }
    HostHistory::remember(hostList);

    // Per-host progress rows.
    while (QLayoutItem *item = m_progress->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
    int r = 0;
    for (const QString &h : hostList) {
        HostRow row;
        auto *name = new QLabel(h, m_progressBox);
        name->setTextFormat(Qt::PlainText);
        row.bar = new QProgressBar(m_progressBox);
        row.bar->setRange(0, 0);
        row.status = new QLabel(tr("Waiting…"), m_progressBox);
        row.status->setTextFormat(Qt::PlainText);
        row.status->setWordWrap(true);
        row.cancel = new QPushButton(tr("Cancel"), m_progressBox);
        connect(row.cancel, &QPushButton::clicked, this, [this, h] { m_runner->cancel(h); });
        m_progress->addWidget(name, r, 0);
        m_progress->addWidget(row.bar, r, 1);
        m_progress->addWidget(row.cancel, r, 2);
        m_progress->addWidget(row.status, r + 1, 0, 1, 3);
        m_rows.insert(h, row);
        r += 2;
    }
    m_progressBox->show();
    m_start->setEnabled(false);
    m_runner->start(m_session->path(), hostList, [chosen] {
        std::vector<std::unique_ptr<Collector>> set;
        for (const Chosen &c : chosen) {
            QCommandLineParser parser;
            c.factory.addOptions(parser);
            parser.parse(c.args);
            if (auto col = c.factory.fromOptions(parser))
                set.push_back(std::move(col));
        }
        return set;
    });
    return true;
}

void CollectDialog::reject()
{
    if (m_runner->isRunning()) {
        m_runner->cancelAll();
        return; // closes once the hosts have stopped
    }
    QDialog::reject();
}
