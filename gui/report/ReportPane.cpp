#include "ReportPane.h"

#include <QEventLoop>

#include "ReportPdfPrinter.h"
#include "casefile/CaseFile.h"
#include "report/MarkdownReportWriter.h"
#include "report/ReportBuilder.h"
#include "report/ReportDraftStore.h"
#include "report/ReportExporter.h"
#include "util/CaseError.h"

#include <QComboBox>
#include "util/SafeFileDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

ReportPane::ReportPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reportPane"));
    m_lang = new QComboBox(this);
    m_lang->addItem(tr("English"), QStringLiteral("en"));
    m_lang->addItem(tr("German"), QStringLiteral("de"));
    m_lang->setObjectName(QStringLiteral("reportLanguage"));
    m_regenerate = new QPushButton(tr("Regenerate from case"), this);
    m_regenerate->setObjectName(QStringLiteral("reportRegenerate"));
    m_save = new QPushButton(tr("Save draft"), this);
    m_save->setObjectName(QStringLiteral("reportSave"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("reportState"));
    m_state->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Report language:"), this));
    bar->addWidget(m_lang);
    bar->addWidget(m_regenerate);
    bar->addWidget(m_save);
    bar->addWidget(m_export);
    bar->addStretch(1);
    bar->addWidget(m_state);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("reportEditor"));
    m_editor->setPlaceholderText(tr("Open a case to draft its incident report."));
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_editor, tr("Edit (Markdown)"));
    m_tabs->addTab(m_preview, tr("Preview"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_regenerate, &QPushButton::clicked, this, &ReportPane::regenerate);
    connect(m_save, &QPushButton::clicked, this, &ReportPane::saveDraft);
    connect(m_export, &QPushButton::clicked, this, &ReportPane::exportInteractively);
    connect(m_lang, &QComboBox::currentIndexChanged, this, [this] { loadSavedOrGenerate(); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        m_edited = m_editor->toPlainText() != m_generated;
        m_state->setText(m_edited ? tr("Edited, not saved") : QString());
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updatePreview(); });
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString result = m_watcher.result();
        m_regenerate->setEnabled(true);
        if (result.startsWith(QLatin1String("\x01error:"))) {
            const QString error = result.mid(7);
            m_state->setText(tr("Could not draft the report: %1").arg(error));
            emit statusMessage(m_state->text());
            return;
        }
        m_generated = result;
        setMarkdown(result);
        m_state->setText(tr("Draft generated from the case"));
        emit draftReady();
    });
    setEnabled(true);
}

ReportPane::~ReportPane()
{
    m_watcher.waitForFinished();
}

QString ReportPane::language() const
{
    return m_lang->currentData().toString();
}

void ReportPane::setLanguage(const QString &lang)
{
    const int i = m_lang->findData(lang);
    if (i >= 0)
        m_lang->setCurrentIndex(i);
}

QString ReportPane::markdown() const
{
    return m_editor->toPlainText();
}

void ReportPane::setMarkdown(const QString &markdown)
{
    m_settingText = true;
    m_editor->setPlainText(markdown);
    m_settingText = false;
    m_edited = markdown != m_generated;
    updatePreview();
}

void ReportPane::updatePreview()
{
    if (m_tabs->currentWidget() != m_preview)
        return;
    m_preview->document()->setMarkdown(markdown(), QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
}

void ReportPane::setCasePath(const QString &path)
{
    m_casePath = path;
    m_generated.clear();
    if (path.isEmpty()) {
        setMarkdown(QString());
        m_state->setText(QString());
        return;
    }
    loadSavedOrGenerate();
}

void ReportPane::loadSavedOrGenerate()
{
    if (m_casePath.isEmpty())
        return;
    // Read on a worker thread (no SQL on the GUI thread); the event loop keeps running.
    struct Loaded
    {
        std::optional<QString> draft;
        QString error;
    };
    const QString path = m_casePath, lang = language();
    QFuture<Loaded> future = QtConcurrent::run([path, lang] {
        Loaded r;
        try {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
            if (const auto draft = ReportDraftStore(cf->db()).load(lang))
                r.draft = draft->markdown;
        } catch (const CaseError &e) {
            r.error = e.message();
        } catch (const std::exception &e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    });
    QFutureWatcher<Loaded> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const Loaded r = future.result();
    if (path != m_casePath)
        return; // another case meanwhile
    if (!r.error.isEmpty()) {
        m_state->setText(r.error);
        return;
    }
    if (r.draft) {
        m_generated.clear();
        setMarkdown(*r.draft);
        m_state->setText(tr("Saved draft"));
        emit draftReady();
        return;
    }
    regenerate();
}

void ReportPane::regenerate()
{
    if (m_casePath.isEmpty() || m_watcher.isRunning())
        return;
    m_regenerate->setEnabled(false);
    m_state->setText(tr("Drafting…"));
    const QString path = m_casePath, lang = language();
    m_watcher.setFuture(QtConcurrent::run([path, lang]() -> QString {
        try {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadOnly);
            return MarkdownReportWriter::write(ReportBuilder(cf->db()).build(lang));
        } catch (const CaseError &e) {
            return QStringLiteral("\x01error:") + e.message();
        } catch (const std::exception &e) {
            return QStringLiteral("\x01error:") + QString::fromUtf8(e.what());
        }
    }));
}

void ReportPane::saveDraft()
{
    if (m_casePath.isEmpty())
        return;
    // Written on a worker thread (it may wait for another writer's lock);
    // the event loop keeps running meanwhile.
    const QString path = m_casePath, lang = language(), text = markdown();
    QFuture<QString> future = QtConcurrent::run([path, lang, text]() -> QString {
        try {
            auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
            ReportDraftStore(cf->db()).save(lang, text);
            return {};
        } catch (const CaseError &e) {
            return e.message();
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
    });
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const QString error = future.result();
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save draft"), error);
        return;
    }
    m_state->setText(tr("Draft saved in the case"));
    emit statusMessage(m_state->text());
}

void ReportPane::exportTo(const QString &path, const QString &format)
{
    if (m_casePath.isEmpty())
        throw CaseError(tr("No case is open."));
    QString title = QFileInfo(m_casePath).completeBaseName();
    if (format == QLatin1String("md")) {
        ReportExporter::writeFile(path, markdown().toUtf8());
    } else if (!m_edited && m_generated == markdown()) {
        auto cf = CaseFile::open(m_casePath, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        ReportExporter::writeFile(path, ReportExporter::render(cf->db(), format, language()));
    } else if (format == QLatin1String("html")) {
        ReportExporter::writeFile(path, ReportPdfPrinter::markdownToHtml(markdown(), title).toUtf8());
    } else if (format == QLatin1String("pdf")) {
        ReportPdfPrinter::markdownToPdf(markdown(), title, path);
    } else {
        throw CaseError(tr("Unknown format %1").arg(format));
    }
}

void ReportPane::exportInteractively()
{
    if (m_casePath.isEmpty())
        return;
    QString selected;
    const QString path = SafeFileDialog::getSaveFileName(this, tr("Export report"), QString(),
                                                      tr("Markdown (*.md);;HTML (*.html);;PDF (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString format = QFileInfo(path).suffix().toLower();
    if (format != QLatin1String("md") && format != QLatin1String("html") && format != QLatin1String("pdf"))
        format = selected.contains(QLatin1String("pdf")) ? QStringLiteral("pdf") : selected.contains(QLatin1String("html")) ? QStringLiteral("html") : QStringLiteral("md");
    try {
        exportTo(path, format);
        emit statusMessage(tr("Report written to %1").arg(path));
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Export report"), e.message());
    }
}
