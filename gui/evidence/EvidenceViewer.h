#pragma once

#include <QWidget>

class CaseSession;
class QLabel;
class QPlainTextEdit;
class QLineEdit;
namespace KSyntaxHighlighting { class SyntaxHighlighter; }

// Shows one artifact's raw bytes as plain text, highlighted with the
// definition that fits its kind (strace, kernel log, kernel stack). Loaded on
// the reader thread; huge artifacts are clipped with a notice.
class EvidenceViewer : public QWidget
{
    Q_OBJECT
public:
    EvidenceViewer(CaseSession *session, QWidget *parent = nullptr);

    void showArtifact(qint64 artifactId);
    // Shows text that is not an artifact (a stack, a kernel event's detail).
    void showText(const QString &title, const QString &text, const QString &syntaxHint);
    // Puts the cursor on a 1-based line of the text and marks it (once the
    // artifact has loaded, if it is still loading). False if out of range.
    bool goToLine(qint64 line);
    qint64 artifactId() const { return m_artifactId; }
    QString title() const { return m_title; }
    QString text() const;
    QString definitionName() const;
    bool isLoading() const { return m_loading; }

signals:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void find(bool backwards);

    CaseSession *m_session;
    QLabel *m_header;
    QPlainTextEdit *m_text;
    QLineEdit *m_find;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    qint64 m_artifactId = 0;
    QString m_title;
    bool m_loading = false;
    qint64 m_pendingLine = 0;
};
