#pragma once

#include "SafeDirListing.h"

#include <QDialog>
#include <QSet>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTreeView;

// The workbench's file dialog. Qt's own (QFileSystemModel's info gatherer)
// stats every entry of a folder it shows, so a folder holding a hung NFS or
// FUSE mount put Casebook's own thread in D. This one lists a folder off the
// GUI thread with SafeDirListing: network and FUSE mount points
// (/proc/self/mountinfo) are shown by name, marked, and never stat'ed or
// watched unless the user opens one; then it is read off the GUI thread, and
// the dialog stays responsive if it never answers.
class SafeFileDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { OpenFile, OpenFiles, SaveFile };

    SafeFileDialog(QWidget *parent, const QString &caption, const QString &dir, const QString &filter, Mode mode);
    ~SafeFileDialog() override;

    // As QFileDialog's; selectedFilter receives the name filter chosen.
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir = {}, const QString &filter = {},
                                   QString *selectedFilter = nullptr);
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir = {}, const QString &filter = {},
                                        QString *selectedFilter = nullptr);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = {}, const QString &filter = {},
                                   QString *selectedFilter = nullptr);

    QStringList selectedFiles() const { return m_selected; }
    QString directory() const { return m_dir; }
    QString selectedNameFilter() const;
    // Shows a folder (read off the GUI thread; listed() when in).
    void setDirectory(const QString &dir);
    // Names listed, and those shown as unprobed mounts.
    QStringList names() const;
    QStringList unprobedNames() const;
    bool isReading() const { return m_reading; }
    QTreeView *view() const { return m_view; }
    QLineEdit *fileNameEdit() const { return m_name; }
    // Opens the entry (a folder, even an unprobed mount) as a double-click does.
    void openEntry(const QString &name);
    // Takes the file name(s) typed or selected (Open / Save).
    void accept() override;

signals:
    void listed(const QString &dir, const QString &error);

private:
    void showListing(const SafeDirListing &listing);
    QStringList patterns() const;

    Mode m_mode;
    QString m_dir;
    QStringList m_selected;
    QSet<QString> m_unsafe;
    quint64 m_request = 0;
    bool m_reading = false;
    SafeDirListing m_listing;
    QLineEdit *m_location;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    QLineEdit *m_name;
    QComboBox *m_filter;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};
