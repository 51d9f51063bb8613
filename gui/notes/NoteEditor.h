#pragma once

#include "app/EvidenceLink.h"

#include <QPlainTextEdit>

namespace KSyntaxHighlighting { class SyntaxHighlighter; }

// Markdown editor for notes: highlighted with KSyntaxHighlighting's Markdown
// definition in a theme that follows the palette; [[kind:target]] links open
// with Ctrl+click or Ctrl+Enter.
class NoteEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit NoteEditor(QWidget *parent = nullptr);
    QString definitionName() const;
    QString themeName() const;
    // Follows the link at a text position; false if there is none.
    bool followLinkAt(int position);

signals:
    void linkActivated(const EvidenceLink &link);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
};
