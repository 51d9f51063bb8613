#include "NoteEditor.h"

#include "evidence/SyntaxRepository.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTextBlock>

NoteEditor::NoteEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    m_highlighter->setDefinition(SyntaxRepository::instance().definitionForName(QStringLiteral("Markdown")));
    applyTheme();
    setPlaceholderText(tr("Write in Markdown. Link evidence with [[finding:12]], [[task:host/123]], [[artifact:5]]; "
                          "Ctrl+click a link to follow it."));
    setTabChangesFocus(true);
    setMouseTracking(true);
}

QString NoteEditor::definitionName() const
{
    return m_highlighter->definition().name();
}

QString NoteEditor::themeName() const
{
    return m_highlighter->theme().name();
}

void NoteEditor::applyTheme()
{
    m_highlighter->setTheme(SyntaxRepository::themeFor(palette()));
    m_highlighter->rehighlight();
}

void NoteEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QPlainTextEdit::changeEvent(event);
}

bool NoteEditor::followLinkAt(int position)
{
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid())
        return false;
    const EvidenceLink link = EvidenceLink::at(block.text(), position - block.position());
    if (!link.isValid())
        return false;
    emit linkActivated(link);
    return true;
}

void NoteEditor::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier)
        && followLinkAt(cursorForPosition(event->position().toPoint()).position()))
        return;
    QPlainTextEdit::mouseReleaseEvent(event);
}

void NoteEditor::mouseMoveEvent(QMouseEvent *event)
{
    const QTextCursor c = cursorForPosition(event->position().toPoint());
    const QTextBlock b = c.block();
    const bool onLink = (event->modifiers() & Qt::ControlModifier)
                        && EvidenceLink::at(b.text(), c.position() - b.position()).isValid();
    viewport()->setCursor(onLink ? Qt::PointingHandCursor : Qt::IBeamCursor);
    QPlainTextEdit::mouseMoveEvent(event);
}

void NoteEditor::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)
        && followLinkAt(textCursor().position()))
        return;
    QPlainTextEdit::keyPressEvent(event);
}
