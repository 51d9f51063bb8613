#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;
class QListWidget;

// Help → Handbook (F1): the user documentation bundled into the program
// (docs/*.md as Qt resources), rendered as Markdown, with the documents in a
// list beside it. Links between documents and to their pictures work; links
// to the web open in the browser. Read-only, no network, no files outside
// the program.
class HandbookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HandbookDialog(QWidget *parent = nullptr);

    // The resource folder holding the bundled documents.
    static QString root() { return QStringLiteral(":/handbook"); }
    // The bundled documents' file names (workbench.md, casectl.md...).
    static QStringList documents();
    // Shows document (a file name from documents()).
    void showDocument(const QString &document);
    QString currentDocument() const;
    QTextBrowser *browser() const { return m_browser; }

private:
    void sourceChanged(const QUrl &url);

    QListWidget *m_list;
    QTextBrowser *m_browser;
};
