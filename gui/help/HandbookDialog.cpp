#include "HandbookDialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
// The document's title: its first Markdown heading, else its file name.
QString titleOf(const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        for (int i = 0; i < 20 && !f.atEnd(); ++i) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.startsWith(QLatin1String("# ")))
                return line.mid(2).trimmed();
        }
    }
    return QFileInfo(path).completeBaseName();
}

QUrl urlOf(const QString &document)
{
    return QUrl(QStringLiteral("qrc") + HandbookDialog::root() + QLatin1Char('/') + document);
}
}

QStringList HandbookDialog::documents()
{
    QStringList docs = QDir(root()).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    // The workbench first: that is where a user of the window starts.
    if (docs.removeOne(QStringLiteral("workbench.md")))
        docs.prepend(QStringLiteral("workbench.md"));
    return docs;
}

HandbookDialog::HandbookDialog(QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Casebook Handbook"));
    setObjectName(QStringLiteral("handbookDialog"));
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(true);
    // Links to the web go to the browser; links between documents stay here.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("mailto")) {
            QDesktopServices::openUrl(url);
            m_browser->setSource(m_browser->source()); // stay on the page
        }
    });
    connect(m_browser, &QTextBrowser::sourceChanged, this, &HandbookDialog::sourceChanged);

    for (const QString &doc : documents()) {
        auto *item = new QListWidgetItem(titleOf(root() + QLatin1Char('/') + doc), m_list);
        item->setData(Qt::UserRole, doc);
        item->setToolTip(doc);
    }
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toString() != currentDocument())
            showDocument(item->data(Qt::UserRole).toString());
    });

    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    split->setSizes({220, 760});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1000, 720);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void HandbookDialog::showDocument(const QString &document)
{
    m_browser->setSource(urlOf(document), QTextDocument::MarkdownResource);
}

QString HandbookDialog::currentDocument() const
{
    return QFileInfo(m_browser->source().path()).fileName();
}

void HandbookDialog::sourceChanged(const QUrl &url)
{
    const QString doc = QFileInfo(url.path()).fileName();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == doc && m_list->currentRow() != i) {
            const QSignalBlocker block(m_list);
            m_list->setCurrentRow(i);
        }
}
