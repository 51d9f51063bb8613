#include "ExportDialog.h"

#include "casefile/CaseFile.h"
#include "util/CaseError.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include "util/SafeFileDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

ExportDialog::ExportDialog(const QString &casePath, QWidget *parent) : QDialog(parent), m_casePath(casePath)
{
    setWindowTitle(tr("Export / Share case"));
    setObjectName(QStringLiteral("exportDialog"));
    m_out = new QLineEdit(this);
    m_out->setObjectName(QStringLiteral("exportPath"));
    const QFileInfo fi(casePath);
    m_out->setText(fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral("-shared.casebook"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_out, 1);
    pathRow->addWidget(browse);

    m_redact = new QCheckBox(tr("Redact host names, IP addresses and user names"), this);
    m_redact->setObjectName(QStringLiteral("exportRedact"));
    m_redact->setChecked(true);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("exportProfile"));
    m_profile->addItem(tr("Standard"), QStringLiteral("standard"));
    m_profile->addItem(tr("Strict (also MAC addresses)"), QStringLiteral("strict"));
    m_keepHostKeys = new QCheckBox(tr("Keep SSH host-key fingerprints"), this);
    m_keepHostKeys->setObjectName(QStringLiteral("exportKeepHostKeys"));
    m_keepHostKeys->setToolTip(tr("Leave SHA256:… fingerprints and public host keys as they are, e.g. for a colleague who checks them."));
    m_terms = new QPlainTextEdit(this);
    m_terms->setObjectName(QStringLiteral("exportTerms"));
    m_terms->setPlaceholderText(tr("Further words to replace, one per line (customer names, project names…)"));
    m_patterns = new QPlainTextEdit(this);
    m_patterns->setObjectName(QStringLiteral("exportPatterns"));
    m_patterns->setPlaceholderText(tr("Regular expressions to replace, one per line"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *note = new QLabel(tr("Replaced values get consistent pseudonyms (host-1, host-1.domain-1.invalid, 192.0.2.1, "
                               "2001:db8::1, user-1). The mapping stays only in this case. Binary captures are left out of a "
                               "redacted copy."), this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Save copy as:"), pathRow);
    form->addRow(QString(), m_redact);
    form->addRow(tr("Profile:"), m_profile);
    form->addRow(QString(), m_keepHostKeys);
    form->addRow(tr("Terms:"), m_terms);
    form->addRow(tr("Patterns:"), m_patterns);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_redact, &QCheckBox::toggled, this, &ExportDialog::updateEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        m_buttons->setEnabled(true);
        const QString error = m_watcher.result();
        if (!error.isEmpty()) {
            m_status->setText(tr("Export failed: %1").arg(error));
            return;
        }
        emit exported(outputPath());
        QDialog::accept();
    });
    updateEnabled();
}

ExportDialog::~ExportDialog()
{
    m_watcher.waitForFinished();
}

QString ExportDialog::outputPath() const
{
    return m_out->text().trimmed();
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_out->setText(path);
}

void ExportDialog::setRedact(bool redact)
{
    m_redact->setChecked(redact);
}

void ExportDialog::setTerms(const QStringList &terms)
{
    m_terms->setPlainText(terms.join(QLatin1Char('\n')));
}

CaseExporter::Options ExportDialog::options() const
{
    CaseExporter::Options o;
    o.redact = m_redact->isChecked();
    o.redaction.profile = m_profile->currentData().toString();
    o.redaction.keepHostKeys = m_keepHostKeys->isChecked();
    auto lines = [](const QString &text) {
        QStringList out;
        for (const QString &l : text.split(QLatin1Char('\n')))
            if (!l.trimmed().isEmpty())
                out.append(l.trimmed());
        return out;
    };
    o.redaction.terms = lines(m_terms->toPlainText());
    o.redaction.patterns = lines(m_patterns->toPlainText());
    return o;
}

void ExportDialog::updateEnabled()
{
    const bool on = m_redact->isChecked();
    m_profile->setEnabled(on);
    m_keepHostKeys->setEnabled(on);
    m_terms->setEnabled(on);
    m_patterns->setEnabled(on);
}

void ExportDialog::browse()
{
    const QString path = SafeFileDialog::getSaveFileName(this, tr("Export case"), outputPath(), tr("Case files (*.casebook)"));
    if (!path.isEmpty())
        m_out->setText(path.endsWith(QLatin1String(".casebook")) ? path : path + QStringLiteral(".casebook"));
}

QString ExportDialog::runExport(const QString &casePath, const QString &outPath, const CaseExporter::Options &options,
                                CaseExporter::Result *result)
{
    try {
        auto cf = CaseFile::open(casePath);
        const CaseExporter::Result r = CaseExporter(*cf).exportTo(outPath, options);
        if (result)
            *result = r;
        return {};
    } catch (const CaseError &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

void ExportDialog::accept()
{
    if (outputPath().isEmpty()) {
        m_status->setText(tr("Choose where to save the copy."));
        return;
    }
    if (m_watcher.isRunning())
        return;
    m_buttons->setEnabled(false);
    m_status->setText(tr("Exporting…"));
    const QString casePath = m_casePath, out = outputPath();
    const CaseExporter::Options o = options();
    m_watcher.setFuture(QtConcurrent::run([casePath, out, o] { return runExport(casePath, out, o); }));
}
