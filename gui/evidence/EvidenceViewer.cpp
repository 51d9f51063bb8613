#include "EvidenceViewer.h"

#include "EvidenceText.h"
#include "SyntaxRepository.h"
#include "app/CaseSession.h"
#include "casefile/ArtifactReader.h"
#include "casefile/CaseFile.h"
#include "util/BackgroundReader.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

#include <utility>

namespace {
struct LoadedArtifact
{
    ArtifactInfo info;
    EvidenceText text;
};
}

EvidenceViewer::EvidenceViewer(CaseSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setWordWrap(true);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find in evidence (Enter: next, Shift+Enter: previous)"));
    m_find->setClearButtonEnabled(true);
    layout->addWidget(m_header);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_find);
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_text->document());
    applyTheme();

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcuts(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_find, [this] { m_find->setFocus(); m_find->selectAll(); });
    addAction(findAction);
    auto *next = new QAction(tr("Find Next"), this);
    next->setShortcuts(QKeySequence::FindNext);
    next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QAction::triggered, this, [this] { find(false); });
    addAction(next);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        find(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
}

void EvidenceViewer::find(bool backwards)
{
    if (m_find->text().isEmpty())
        return;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (!m_text->find(m_find->text(), flags)) {
        QTextCursor c = m_text->textCursor();
        c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(c);
        m_text->find(m_find->text(), flags);
    }
}

void EvidenceViewer::applyTheme()
{
    m_highlighter->setTheme(SyntaxRepository::themeFor(palette()));
    m_highlighter->rehighlight();
}

void EvidenceViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void EvidenceViewer::showArtifact(qint64 artifactId)
{
    m_artifactId = artifactId;
    m_loading = true;
    m_title = tr("Artifact %1").arg(artifactId);
    m_header->setText(tr("Loading artifact %1…").arg(artifactId));
    m_text->clear();
    m_session->reader()->run<LoadedArtifact>(
        QStringLiteral("evidence-%1").arg(quintptr(this)),
        [artifactId](CaseFile &cf, const CancelToken &) {
            ArtifactReader reader(cf.db());
            LoadedArtifact out;
            const auto info = reader.info(artifactId);
            if (!info)
                throw CaseError(QObject::tr("There is no artifact %1 in this case.").arg(artifactId));
            out.info = *info;
            QByteArray bytes;
            const qint64 cap = EvidenceText::kMaxTextBytes;
            reader.forEachChunk(artifactId, [&](QByteArrayView chunk) {
                bytes.append(chunk.first(std::min<qsizetype>(chunk.size(), cap - bytes.size())));
                return bytes.size() < cap;
            });
            out.text = EvidenceText::fromBytes(bytes, info->size);
            return out;
        },
        this,
        [this](const LoadedArtifact &a) {
            m_loading = false;
            m_title = a.info.name;
            QStringList facts;
            facts << tr("%1 (%2)").arg(a.info.name, a.info.kind);
            facts << tr("%1 bytes").arg(QLocale().toString(a.info.size));
            facts << (a.info.sha256.isEmpty() ? tr("no hash yet (incomplete)") : tr("SHA-256 %1").arg(a.info.sha256));
            if (!a.info.sourcePath.isEmpty())
                facts << tr("from %1").arg(a.info.sourcePath);
            facts << TimeUtil::isoUtc(a.info.createdUs);
            if (a.info.truncated)
                facts << tr("TRUNCATED at collection (size cap)");
            if (a.text.clipped)
                facts << tr("only the first part is shown");
            if (a.text.binary)
                facts << tr("binary: hex dump");
            m_header->setText(facts.join(QStringLiteral(" · ")));
            m_highlighter->setDefinition(a.text.binary ? KSyntaxHighlighting::Definition()
                                                       : SyntaxRepository::definitionFor(a.info.kind, a.info.name));
            m_text->setPlainText(a.text.text);
            if (m_pendingLine > 0)
                goToLine(std::exchange(m_pendingLine, 0));
            emit loaded();
        },
        [this](const QString &error) {
            m_loading = false;
            m_header->setText(error);
            emit loaded();
        });
}

void EvidenceViewer::showText(const QString &title, const QString &text, const QString &syntaxHint)
{
    m_artifactId = 0;
    m_loading = false;
    m_title = title;
    m_header->setText(title);
    m_highlighter->setDefinition(SyntaxRepository::definitionFor(syntaxHint, QString()));
    m_text->setPlainText(text);
    emit loaded();
}

bool EvidenceViewer::goToLine(qint64 line)
{
    if (m_loading) {
        m_pendingLine = line;
        return true;
    }
    const QTextBlock block = line > 0 && line <= m_text->document()->blockCount()
                                 ? m_text->document()->findBlockByNumber(int(line - 1))
                                 : QTextBlock();
    if (!block.isValid())
        return false;
    QTextCursor cursor(block);
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_text->setExtraSelections({mark});
    return true;
}

QString EvidenceViewer::text() const
{
    return m_text->toPlainText();
}

QString EvidenceViewer::definitionName() const
{
    return m_highlighter->definition().name();
}
