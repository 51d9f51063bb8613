#include "SafeFileDialog.h"

#include "UnsafeMounts.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>
#include <thread>

namespace {
enum Role { NameRole = Qt::UserRole + 1, DirRole, UnprobedRole };
}

SafeFileDialog::SafeFileDialog(QWidget *parent, const QString &caption, const QString &dir, const QString &filter, Mode mode)
    : QDialog(parent), m_mode(mode)
{
    setWindowTitle(caption);
    setObjectName(QStringLiteral("safeFileDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *up = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogToParent), QString(), this);
    up->setToolTip(tr("Parent folder"));
    auto *home = new QPushButton(style()->standardIcon(QStyle::SP_DirHomeIcon), QString(), this);
    home->setToolTip(tr("Home folder"));
    m_location = new QLineEdit(this);
    bar->addWidget(up);
    bar->addWidget(home);
    bar->addWidget(m_location, 1);
    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Size"), tr("Modified")});
    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(mode == Mode::OpenFiles ? QAbstractItemView::ExtendedSelection : QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_name = new QLineEdit(this);
    m_filter = new QComboBox(this);
    for (const QString &f : filter.split(QStringLiteral(";;"), Qt::SkipEmptyParts))
        m_filter->addItem(f);
    if (m_filter->count() == 0)
        m_filter->addItem(tr("All files (*)"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(mode == Mode::SaveFile ? tr("&Save") : tr("&Open"), QDialogButtonBox::AcceptRole);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("File &name:"), this));
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_filter);
    static_cast<QLabel *>(nameRow->itemAt(0)->widget())->setBuddy(m_name);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(nameRow);
    layout->addWidget(m_buttons);

    connect(up, &QPushButton::clicked, this, [this] {
        QDir d(m_dir);
        if (d.cdUp()) // path arithmetic only: no stat
            setDirectory(d.path());
    });
    connect(home, &QPushButton::clicked, this, [this] { setDirectory(QDir::homePath()); });
    connect(m_location, &QLineEdit::returnPressed, this, [this] { setDirectory(QDir::cleanPath(m_location->text())); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &idx) {
        openEntry(idx.siblingAtColumn(0).data(NameRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QStringList names;
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
            if (!i.data(DirRole).toBool())
                names << i.data(NameRole).toString();
        if (!names.isEmpty())
            m_name->setText(names.size() == 1 ? names.first() : QStringLiteral("\"%1\"").arg(names.join(QStringLiteral("\" \""))));
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { showListing(m_listing); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SafeFileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 480);
    // A file name given with the folder (Save As "dir/name.casebook").
    QString start = dir.isEmpty() ? QDir::homePath() : QDir::cleanPath(QDir(dir).absolutePath());
    if (mode == Mode::SaveFile && !dir.isEmpty() && !dir.endsWith(QLatin1Char('/')) && QFileInfo(dir).suffix().size() > 0) {
        m_name->setText(QFileInfo(dir).fileName());
        start = QFileInfo(dir).absolutePath();
    }
    setDirectory(start);
}

SafeFileDialog::~SafeFileDialog() = default;

void SafeFileDialog::setDirectory(const QString &dir)
{
    m_dir = dir;
    m_location->setText(dir);
    m_unsafe = UnsafeMounts::mountPoints();
    m_reading = true;
    m_status->setText(m_unsafe.contains(dir) ? tr("Reading %1, a network or FUSE mount: if it does not answer, this stays "
                                                  "here and Casebook goes on working; choose another folder.")
                                                   .arg(dir)
                                             : tr("Reading %1…").arg(dir));
    const quint64 request = ++m_request;
    QPointer<SafeFileDialog> self(this);
    const QSet<QString> unsafe = m_unsafe;
    // A detached thread: reading a mount the user chose may never return,
    // and nothing waits for it (the dialog may close meanwhile).
    std::thread([self, request, dir, unsafe] {
        const SafeDirListing listing = SafeDirListing::read(dir, unsafe);
        QMetaObject::invokeMethod(qApp, [self, request, listing] {
            if (!self || self->m_request != request)
                return; // closed, or another folder asked for since
            self->m_reading = false;
            self->showListing(listing);
            emit self->listed(listing.path, listing.error);
        }, Qt::QueuedConnection);
    }).detach();
}

QStringList SafeFileDialog::patterns() const
{
    static const QRegularExpression inParens(QStringLiteral(R"(\(([^)]*)\))"));
    const auto m = inParens.match(m_filter->currentText());
    return m.hasMatch() ? m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts) : QStringList{QStringLiteral("*")};
}

void SafeFileDialog::showListing(const SafeDirListing &listing)
{
    m_listing = listing;
    m_model->removeRows(0, m_model->rowCount());
    if (!listing.error.isEmpty()) {
        m_status->setText(tr("Cannot read %1: %2").arg(listing.path, listing.error));
        return;
    }
    QList<QRegularExpression> globs;
    for (const QString &p : patterns())
        globs << QRegularExpression(QRegularExpression::wildcardToRegularExpression(p, QRegularExpression::UnanchoredWildcardConversion),
                                    QRegularExpression::CaseInsensitiveOption);
    auto matches = [&](const QString &name) {
        for (const QRegularExpression &g : std::as_const(globs))
            if (g.match(name).hasMatch())
                return true;
        return false;
    };
    int unprobed = 0;
    for (const SafeDirListing::Entry &e : listing.entries) {
        if (e.name.startsWith(QLatin1Char('.')))
            continue;
        if (!e.isDir && !matches(e.name))
            continue;
        auto *name = new QStandardItem(style()->standardIcon(e.unprobed ? QStyle::SP_DriveNetIcon
                                                             : e.isDir ? QStyle::SP_DirIcon
                                                                       : QStyle::SP_FileIcon),
                                       e.name);
        name->setData(e.name, NameRole);
        name->setData(e.isDir || e.isLink, DirRole);
        name->setData(e.unprobed, UnprobedRole);
        QString size, modified;
        if (e.unprobed) {
            ++unprobed;
            name->setToolTip(tr("A network or FUSE mount: not looked into, so that a server or daemon that does not answer "
                                "cannot stop Casebook. Open it to read it."));
            size = tr("mount, not probed");
        } else {
            if (!e.isDir)
                size = QLocale().formattedDataSize(e.size);
            modified = QDateTime::fromSecsSinceEpoch(e.mtimeS).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        auto *sizeItem = new QStandardItem(size);
        auto *timeItem = new QStandardItem(modified);
        m_model->appendRow({name, sizeItem, timeItem});
    }
    m_model->sort(0);
    m_status->setText(unprobed ? tr("%n network or FUSE mount(s) here are shown but not looked into.", nullptr, unprobed) : QString());
}

QStringList SafeFileDialog::names() const
{
    QStringList out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        out << m_model->item(r, 0)->data(NameRole).toString();
    return out;
}

QStringList SafeFileDialog::unprobedNames() const
{
    QStringList out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->item(r, 0)->data(UnprobedRole).toBool())
            out << m_model->item(r, 0)->data(NameRole).toString();
    return out;
}

void SafeFileDialog::openEntry(const QString &name)
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->item(r, 0)->data(NameRole).toString() == name) {
            if (m_model->item(r, 0)->data(DirRole).toBool())
                setDirectory(QDir(m_dir).filePath(name));
            else
                accept();
            return;
        }
}

void SafeFileDialog::accept()
{
    QStringList names;
    const QString text = m_name->text().trimmed();
    if (m_mode == Mode::OpenFiles && text.startsWith(QLatin1Char('"'))) {
        for (const QString &part : text.split(QLatin1Char('"'), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                names << part;
    } else if (!text.isEmpty()) {
        names << text;
    }
    if (names.isEmpty())
        return;
    m_selected.clear();
    for (const QString &n : std::as_const(names))
        m_selected << (QDir::isAbsolutePath(n) ? QDir::cleanPath(n) : QDir(m_dir).filePath(n));
    QDialog::accept();
}

QString SafeFileDialog::selectedNameFilter() const
{
    return m_filter->currentText();
}

QString SafeFileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                                        QString *selectedFilter)
{
    SafeFileDialog d(parent, caption, dir, filter, Mode::OpenFile);
    if (d.exec() != QDialog::Accepted || d.selectedFiles().isEmpty())
        return {};
    if (selectedFilter)
        *selectedFilter = d.selectedNameFilter();
    return d.selectedFiles().first();
}

QStringList SafeFileDialog::getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                                             QString *selectedFilter)
{
    SafeFileDialog d(parent, caption, dir, filter, Mode::OpenFiles);
    if (d.exec() != QDialog::Accepted)
        return {};
    if (selectedFilter)
        *selectedFilter = d.selectedNameFilter();
    return d.selectedFiles();
}

QString SafeFileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                                        QString *selectedFilter)
{
    SafeFileDialog d(parent, caption, dir, filter, Mode::SaveFile);
    if (d.exec() != QDialog::Accepted || d.selectedFiles().isEmpty())
        return {};
    if (selectedFilter)
        *selectedFilter = d.selectedNameFilter();
    return d.selectedFiles().first();
}
