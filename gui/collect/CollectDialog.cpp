#include "CollectDialog.h"

#include "CollectRunner.h"
#include "CollectorOptionEditor.h"
#include "CollectorOptionForm.h"
#include "HostHistory.h"
#include "HostKeyDialog.h"
#include "app/CaseSession.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "collectors/CollectorCatalog.h"
#include "collectors/options/HostCollectOptions.h"
#include "transport/SecretPrompt.h"
#include "trust/HostKeyPrompt.h"

#include <QCompleter>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>
#include <optional>

namespace {
// What a re-collect needs of a collection: its kind and recorded options.
struct RecordedCollection
{
    bool found = false;
    QString kind;
    QJsonObject options;
};

const QString kFailedStyle = QStringLiteral("QProgressBar::chunk { background-color: #c62828; }");
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
    // Connection options shared by every collector (generated like theirs).
    m_hostForm = new CollectorOptionForm(HostCollectOptions::declaration(), hostBox);
    hostLayout->addWidget(m_hostForm);
    connect(add, &QPushButton::clicked, this, [this] {
        for (const QString &h : m_hostEdit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
            addHost(h);
        m_hostEdit->clear();
    });
    connect(m_hostEdit, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_hostList->selectedItems());
        updateLocalHost();
    });
    layout->addWidget(hostBox);

    auto *collectorsWidget = new QWidget(this);
    auto *collectorsLayout = new QVBoxLayout(collectorsWidget);
    const QList<CollectorFactory> factories = CollectorCatalog::all();
    const CollectorFactory *initial = CollectorCatalog::forCollectionKind(factories, collectorKind);
    for (const CollectorFactory &f : factories) {
        const QString description = QCoreApplication::translate("CollectorOption", f.description.toUtf8().constData());
        auto *box = new QGroupBox(f.kind, collectorsWidget);
        box->setObjectName(QStringLiteral("collector-") + f.kind);
        box->setCheckable(true);
        box->setChecked(initial ? initial->kind == f.kind : f.kind == QLatin1String("procfs"));
        auto *boxLayout = new QVBoxLayout(box);
        auto *about = new QLabel(description, box);
        about->setTextFormat(Qt::PlainText);
        about->setWordWrap(true);
        boxLayout->addWidget(about);
        auto *form = new CollectorOptionForm(f.options, box);
        boxLayout->addWidget(form);
        if (form->isEmpty())
            form->hide();
        collectorsLayout->addWidget(box);
        m_collectors.insert(f.kind, {box, form});
    }
    if (factories.isEmpty())
        collectorsLayout->addWidget(new QLabel(tr("No collectors are available in this build."), collectorsWidget));
    collectorsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(collectorsWidget);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the forms fit the width
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
    connect(m_runner, &CollectRunner::hostFinished, this, &CollectDialog::showHostFinished);
    connect(m_runner, &CollectRunner::allFinished, this, [this] {
        m_start->setEnabled(true);
        m_session->pollForChanges();
        emit finished();
        if (m_closeWhenStopped) {
            m_closeWhenStopped = false;
            QDialog::reject();
        }
    });

    if (!host.isEmpty())
        addHost(host);
    updateLocalHost();
    resize(760, 700);
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
    updateLocalHost();
}

void CollectDialog::updateLocalHost()
{
    // Pickers offer this machine's processes and interfaces only when it is the one host.
    const bool local = hosts() == QStringList{QStringLiteral("local")};
    for (const CollectorUi &ui : std::as_const(m_collectors))
        ui.form->setLocalHost(local);
}

QStringList CollectDialog::collectorKinds() const
{
    QStringList kinds;
    for (const CollectorFactory &f : CollectorCatalog::all())
        if (m_collectors.contains(f.kind))
            kinds << f.kind;
    return kinds;
}

void CollectDialog::setCollectorEnabled(const QString &kind, bool enabled)
{
    if (m_collectors.contains(kind))
        m_collectors[kind].box->setChecked(enabled);
}

bool CollectDialog::isCollectorEnabled(const QString &kind) const
{
    const CollectorUi ui = m_collectors.value(kind);
    return ui.box && ui.box->isChecked();
}

CollectorSettings CollectDialog::collectorSettings(const QString &kind) const
{
    const CollectorUi ui = m_collectors.value(kind);
    return ui.form ? ui.form->settings() : CollectorSettings();
}

void CollectDialog::setCollectorSettings(const QString &kind, const CollectorSettings &settings)
{
    if (const CollectorUi ui = m_collectors.value(kind); ui.form)
        ui.form->setSettings(settings);
}

CollectorOptionForm *CollectDialog::collectorForm(const QString &kind) const
{
    return m_collectors.value(kind).form;
}

CollectorSettings CollectDialog::hostSettings() const
{
    return m_hostForm->settings();
}

void CollectDialog::prefillFromCollection(qint64 collectionId)
{
    if (!m_session->isOpen())
        return;
    m_session->reader()->run<RecordedCollection>(
        QStringLiteral("collect-prefill"),
        [collectionId](CaseFile &cf, const CancelToken &) {
            RecordedCollection r;
            if (const auto c = CollectionStore(cf.db()).byId(collectionId)) {
                r.found = true;
                r.kind = c->kind;
                r.options = c->parameters.value(QStringLiteral("options")).toObject();
            }
            return r;
        },
        this,
        [this](const RecordedCollection &r) {
            const QList<CollectorFactory> factories = CollectorCatalog::all();
            const CollectorFactory *f = r.found ? CollectorCatalog::forCollectionKind(factories, r.kind) : nullptr;
            if (!f) {
                emit prefilled(false);
                return;
            }
            for (const CollectorFactory &other : factories)
                setCollectorEnabled(other.kind, other.kind == f->kind);
            // Collections from before options were recorded start from the defaults.
            setCollectorSettings(f->kind, f->options.fromJson(r.options));
            emit prefilled(true);
        },
        [this](const QString &) { emit prefilled(false); });
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

QProgressBar *CollectDialog::hostBar(const QString &host) const
{
    return m_rows.value(host).bar;
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
    if (const QString error = HostCollectOptions::declaration().check(hostSettings()); !error.isEmpty()) {
        m_error = error;
        return false;
    }
    // Check every chosen collector's settings now, so mistakes show before anything runs.
    struct Chosen
    {
        CollectorFactory factory;
        CollectorSettings settings;
    };
    QList<Chosen> chosen;
    for (const CollectorFactory &f : CollectorCatalog::all()) {
        if (!isCollectorEnabled(f.kind))
            continue;
        const CollectorSettings settings = f.options.complete(collectorSettings(f.kind));
        if (!f.options.isRequested(settings)) { // e.g. strace ticked, nothing to trace yet
            QStringList fields;
            for (const CollectorOption &o : f.options.all())
                if (o.requests)
                    fields << CollectorOptionEditor::label(o);
            m_error = tr("%1: fill in %2 (%3).").arg(f.kind, fields.join(tr(" or ")), f.options.requestingFlags().join(QLatin1String(" / ")));
            return false;
        }
        if (const QString error = f.check(settings); !error.isEmpty()) {
            m_error = tr("%1: %2").arg(f.kind, error);
            return false;
        }
        chosen << Chosen{f, settings};
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
        connect(row.cancel, &QPushButton::clicked, this, [this, h] {
            m_cancelledHosts.insert(h);
            m_runner->cancel(h);
        });
        m_progress->addWidget(name, r, 0);
        m_progress->addWidget(row.bar, r, 1);
        m_progress->addWidget(row.cancel, r, 2);
        m_progress->addWidget(row.status, r + 1, 0, 1, 3);
        m_rows.insert(h, row);
        r += 2;
    }
    m_progressBox->show();
    m_start->setEnabled(false);
    // The host options (--sudo, --become-method) as casectl takes them.
    BecomeOptions become;
    if (hostSettings().flag(QStringLiteral("sudo")))
        BecomeOptions::parseMethod(hostSettings().text(QStringLiteral("become-method")), &become.method); // checked above
    m_runner->setBecome(become);
    m_runner->start(m_session->path(), hostList, [chosen] {
        std::vector<std::unique_ptr<Collector>> set;
        for (const Chosen &c : chosen)
            set.push_back(c.factory.build(c.settings)); // checked above: does not throw
        return set;
    });
    return true;
}

void CollectDialog::showHostFinished(const QString &host, bool ok, const QString &message)
{
    const HostRow row = m_rows.value(host);
    if (!row.bar)
        return;
    row.bar->setRange(0, 100);
    row.bar->setValue(100);
    row.bar->setProperty("failed", !ok);
    row.bar->setStyleSheet(ok ? QString() : kFailedStyle);
    row.bar->setFormat(ok ? tr("Done") : tr("Failed"));
    // A host the user stopped says so, whatever its collectors reported.
    const QString said = !ok && m_cancelledHosts.contains(host) ? tr("cancelled (%1)").arg(message) : message;
    row.bar->setToolTip(ok ? QString() : said);
    row.status->setText((ok ? tr("Done: %1") : tr("Failed: %1")).arg(said));
    row.status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    row.cancel->setEnabled(false);
    m_session->pollForChanges();
}

void CollectDialog::reject()
{
    if (!m_runner->isRunning()) {
        QDialog::reject();
        return;
    }
    if (m_closeWhenStopped || m_cancelQuestion)
        return; // already stopping, or already asking
    m_cancelQuestion = new QMessageBox(QMessageBox::Question, tr("Collect"),
                                       tr("A collection is still running. Cancel it and close?\n\n"
                                          "What has arrived so far is kept; the interrupted collections are marked incomplete."),
                                       QMessageBox::NoButton, this);
    QPushButton *stop = m_cancelQuestion->addButton(tr("Cancel Collection"), QMessageBox::DestructiveRole);
    QPushButton *keep = m_cancelQuestion->addButton(tr("Keep Collecting"), QMessageBox::RejectRole);
    m_cancelQuestion->setDefaultButton(keep);
    m_cancelQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_cancelQuestion, &QMessageBox::finished, this, [this, stop] {
        const bool cancel = m_cancelQuestion && m_cancelQuestion->clickedButton() == stop;
        m_cancelQuestion = nullptr;
        if (!cancel)
            return;
        if (!m_runner->isRunning()) {
            QDialog::reject();
            return;
        }
        m_closeWhenStopped = true; // closes once the hosts have stopped
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            m_cancelledHosts.insert(it.key());
        m_runner->cancelAll();
    });
    m_cancelQuestion->open();
}
