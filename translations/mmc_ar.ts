<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>MMC-MMS hall display</source>
        <translation>شاشة القاعة - نظام اللجنة الطبية</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>العيادة</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>الغرفة</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>تم النداء</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>قيد الخدمة</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>تمت خدمته</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>لم يحضر</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مدير النظام</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>Clinic staff</source>
        <translation>موظف عيادة</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>صلاحياتك لا تسمح بهذا الإجراء.</translation>
    </message>
    <message>
        <source>Service day {day} is closed: nobody more can be checked in today.</source>
        <translation>يوم الخدمة {day} مُغلق: لم يعد بالإمكان تسجيل حضور أي مراجع اليوم.</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is full: nothing new can be saved. What was saved is safe; please call IT.</source>
        <translation>قرص هذا الجهاز ممتلئ: لا يمكن حفظ أي شيء جديد. ما حُفظ من قبل في أمان؛ يُرجى الاتصال بقسم تقنية المعلومات.</translation>
    </message>
    <message>
        <source>Nobody is waiting at this clinic.</source>
        <translation>لا يوجد أحد في انتظار هذه العيادة.</translation>
    </message>
    <message>
        <source>Ticket {ticket} is already {status}; this cannot be done now.</source>
        <translation>التذكرة {ticket} حالتها الآن: {status}؛ لا يمكن تنفيذ هذا الإجراء.</translation>
    </message>
    <message>
        <source>It was called by {by}.</source>
        <translation>نادى عليها: {by}.</translation>
    </message>
    <message>
        <source>This ticket is no longer in the queue; the list has been refreshed.</source>
        <translation>هذه التذكرة لم تعد في الطابور؛ تم تحديث القائمة.</translation>
    </message>
    <message>
        <source>The clinic {clinic} is unknown or closed.</source>
        <translation>العيادة {clinic} غير معروفة أو مغلقة.</translation>
    </message>
    <message>
        <source>The clinic {clinic} does not receive this patient&apos;s gender.</source>
        <translation>العيادة {clinic} لا تستقبل مراجعين من هذا الجنس.</translation>
    </message>
    <message>
        <source>The patient already waits in that clinic&apos;s queue.</source>
        <translation>المراجع موجود بالفعل في طابور تلك العيادة.</translation>
    </message>
    <message>
        <source>This patient is checked in already today; find them by ID to see where they are.</source>
        <translation>هذا المراجع سجّل حضوره اليوم من قبل؛ ابحث عنه برقم الهوية لترى أين هو.</translation>
    </message>
    <message>
        <source>This is not a valid ID number.</source>
        <translation>هذا ليس رقم هوية صحيحًا.</translation>
    </message>
    <message>
        <source>The patient has not been called at {clinic} yet.</source>
        <translation>لم يُنادَ على المراجع في {clinic} بعد.</translation>
    </message>
    <message>
        <source>The clinic&apos;s PIN was not accepted.</source>
        <translation>لم يُقبل رمز العيادة.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>مؤجَّل</translation>
    </message>
    <message>
        <source>This was not accepted: {detail}</source>
        <translation>لم يُقبل الإدخال: {detail}</translation>
    </message>
    <message>
        <source>This could not be done: {detail}</source>
        <translation>تعذّر تنفيذ الإجراء: {detail}</translation>
    </message>
    <message>
        <source>call</source>
        <translation>النداء</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>إعادة النداء</translation>
    </message>
    <message>
        <source>start</source>
        <translation>بدء الخدمة</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>إنهاء الخدمة</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>تسجيل الغياب</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>الإلغاء</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>التحويل</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>التراجع</translation>
    </message>
    <message>
        <source>setting aside</source>
        <translation>التأجيل</translation>
    </message>
    <message>
        <source>priority mark</source>
        <translation>علامة الأولوية</translation>
    </message>
    <message>
        <source>new ticket</source>
        <translation>إصدار تذكرة جديدة</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <source>clinic confirmation</source>
        <translation>تأكيد إنهاء العيادة</translation>
    </message>
    <message>
        <source>cancellation of a visit</source>
        <translation>إلغاء الزيارة</translation>
    </message>
    <message>
        <source>PIN unlock</source>
        <translation>فك قفل الرمز</translation>
    </message>
    <message>
        <source>new PIN</source>
        <translation>تعيين رمز جديد</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>تعديل الإعداد</translation>
    </message>
    <message>
        <source>clinic change</source>
        <translation>تعديل العيادة</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>إيقاف العيادة مؤقتًا</translation>
    </message>
    <message>
        <source>answer to a call for help</source>
        <translation>الرد على طلب مساعدة</translation>
    </message>
    <message>
        <source>end of a pause</source>
        <translation>استئناف العيادة</translation>
    </message>
    <message>
        <source>exam type change</source>
        <translation>تعديل نوع الفحص</translation>
    </message>
    <message>
        <source>user change</source>
        <translation>تعديل المستخدم</translation>
    </message>
    <message>
        <source>device revocation</source>
        <translation>إلغاء الجهاز</translation>
    </message>
    <message>
        <source>closing of the day</source>
        <translation>إغلاق اليوم</translation>
    </message>
    <message>
        <source>someone else acted on it first</source>
        <translation>سبقك إليها شخص آخر</translation>
    </message>
    <message>
        <source>the user may no longer do it (deactivated, a new role or a new password)</source>
        <translation>لم يعد المستخدم مخوّلًا بذلك (أُوقف حسابه أو تغيّر دوره أو كلمة مروره)</translation>
    </message>
    <message>
        <source>The server refused an action made on this console: the user may no longer do it (deactivated, a new role or a new password). Log in again.</source>
        <translation>رفض الخادم إجراءً تم على هذه الوحدة: لم يعد المستخدم مخوّلًا به (أُوقف حسابه أو تغيّر دوره أو كلمة مروره). سجّل الدخول من جديد.</translation>
    </message>
    <message>
        <source>The server refused your {action}: {reason}</source>
        <translation>رفض الخادم {action}: {reason}</translation>
    </message>
    <message>
        <source>The server refused your {action} of ticket {ticket} ({clinic}): someone else acted on it first. It is now: {status}.</source>
        <translation>رفض الخادم {action} للتذكرة {ticket} ({clinic}): سبقك إليها شخص آخر. حالتها الآن: {status}.</translation>
    </message>
    <message numerus="yes">
        <source>%n actions were refused in all; see Sync.</source>
        <translation>
            <numerusform>لم يُرفض أي إجراء؛ راجع صفحة المزامنة.</numerusform>
            <numerusform>رُفض إجراء واحد في المجموع؛ راجع صفحة المزامنة.</numerusform>
            <numerusform>رُفض إجراءان في المجموع؛ راجع صفحة المزامنة.</numerusform>
            <numerusform>رُفضت %n إجراءات في المجموع؛ راجع صفحة المزامنة.</numerusform>
            <numerusform>رُفض %n إجراءً في المجموع؛ راجع صفحة المزامنة.</numerusform>
            <numerusform>رُفض %n إجراء في المجموع؛ راجع صفحة المزامنة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Never reported</source>
        <translation>لم يُبلِغ قط</translation>
    </message>
    <message numerus="yes">
        <source>Silent for %n min</source>
        <translation>
            <numerusform>لم يُبلِغ منذ أقل من دقيقة</numerusform>
            <numerusform>لم يُبلِغ منذ دقيقة واحدة</numerusform>
            <numerusform>لم يُبلِغ منذ دقيقتين</numerusform>
            <numerusform>لم يُبلِغ منذ %n دقائق</numerusform>
            <numerusform>لم يُبلِغ منذ %n دقيقةً</numerusform>
            <numerusform>لم يُبلِغ منذ %n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes unsent</source>
        <translation>
            <numerusform>لا توجد تغييرات غير مرسلة</numerusform>
            <numerusform>تغيير واحد غير مرسل</numerusform>
            <numerusform>تغييران غير مرسلين</numerusform>
            <numerusform>%n تغييرات غير مرسلة</numerusform>
            <numerusform>%n تغييرًا غير مرسل</numerusform>
            <numerusform>%n تغيير غير مرسل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for %n min</source>
        <translation>
            <numerusform>في الانتظار منذ أقل من دقيقة</numerusform>
            <numerusform>في الانتظار منذ دقيقة واحدة</numerusform>
            <numerusform>في الانتظار منذ دقيقتين</numerusform>
            <numerusform>في الانتظار منذ %n دقائق</numerusform>
            <numerusform>في الانتظار منذ %n دقيقةً</numerusform>
            <numerusform>في الانتظار منذ %n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This console&apos;s data was restored from the backup {backup}; %n changes made here after it were taken back and are sent to the server.</source>
        <translation>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ ولم يُسترجع أي تغيير أُجري هنا بعدها.</numerusform>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ واستُرجع تغيير واحد أُجري هنا بعدها ويُرسل إلى الخادم.</numerusform>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ واستُرجع تغييران أُجريا هنا بعدها ويُرسلان إلى الخادم.</numerusform>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ واستُرجعت %n تغييرات أُجريت هنا بعدها وتُرسل إلى الخادم.</numerusform>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ واستُرجع %n تغييرًا أُجريت هنا بعدها وتُرسل إلى الخادم.</numerusform>
            <numerusform>استُعيدت بيانات وحدة الموظف هذه من النسخة الاحتياطية {backup}؛ واستُرجع %n تغيير أُجريت هنا بعدها وتُرسل إلى الخادم.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo of a no-show or cancel</source>
        <translation>تراجع عن غياب أو إلغاء</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <source>Priority mark</source>
        <translation>علامة الأولوية</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>تحويل</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <source>Joined a queue</source>
        <translation>دخول طابور</translation>
    </message>
    <message>
        <source>Wrong PIN at a kiosk</source>
        <translation>رمز خاطئ في الكشك</translation>
    </message>
    <message>
        <source>Clinic confirmed with its PIN</source>
        <translation>تأكيد العيادة برمزها</translation>
    </message>
    <message>
        <source>Patient look-up</source>
        <translation>بحث عن مراجع</translation>
    </message>
    <message>
        <source>Clinic paused</source>
        <translation>إيقاف العيادة مؤقتًا</translation>
    </message>
    <message>
        <source>Call for help at a kiosk</source>
        <translation>طلب مساعدة في كشك</translation>
    </message>
    <message>
        <source>Call for help answered</source>
        <translation>الرد على طلب مساعدة</translation>
    </message>
    <message>
        <source>Clinic resumed</source>
        <translation>استئناف العيادة</translation>
    </message>
    <message>
        <source>“Where am I?” look-up</source>
        <translation>استعلام «أين دوري؟»</translation>
    </message>
    <message>
        <source>Visit cancelled</source>
        <translation>إلغاء زيارة</translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation>إغلاق اليوم</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>تقرير</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>تغيير إعداد</translation>
    </message>
    <message>
        <source>Clinic saved</source>
        <translation>حفظ عيادة</translation>
    </message>
    <message>
        <source>Exam type saved</source>
        <translation>حفظ نوع فحص</translation>
    </message>
    <message>
        <source>User saved</source>
        <translation>حفظ مستخدم</translation>
    </message>
    <message>
        <source>Device registered</source>
        <translation>تسجيل جهاز</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>إلغاء جهاز</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>رمز تسجيل</translation>
    </message>
    <message>
        <source>Numbers leased</source>
        <translation>حجز أرقام</translation>
    </message>
    <message>
        <source>PIN keys issued</source>
        <translation>إصدار مفاتيح الرموز</translation>
    </message>
    <message>
        <source>Site set up</source>
        <translation>إعداد الموقع</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>زيارة</translation>
    </message>
    <message>
        <source>Nobody was waiting.</source>
        <translation>لم يكن أحد في الانتظار.</translation>
    </message>
    <message>
        <source>Someone else acted on it first.</source>
        <translation>سبقه إليها شخص آخر.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>رمز خاطئ.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for a while.</source>
        <translation>رموز خاطئة كثيرة: مُنع من استخدام الرمز مؤقتًا.</translation>
    </message>
    <message>
        <source>The patient had not been called yet.</source>
        <translation>لم يكن قد نودي على المراجع بعد.</translation>
    </message>
    <message>
        <source>Already checked in today.</source>
        <translation>سجّل حضوره اليوم من قبل.</translation>
    </message>
    <message>
        <source>Not a valid ID number.</source>
        <translation>رقم هوية غير صحيح.</translation>
    </message>
    <message>
        <source>Not allowed for this role.</source>
        <translation>غير مسموح لهذا الدور.</translation>
    </message>
    <message>
        <source>No visit today for this ID.</source>
        <translation>لا توجد زيارة اليوم برقم الهوية هذا.</translation>
    </message>
    <message>
        <source>Not a clinic code (10 to 99).</source>
        <translation>ليس رمز عيادة (من 10 إلى 99).</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>Clock off by {offset} (h:mm)</source>
        <translation>فرق الساعة {offset} (س:د)</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>لا يمكن الوصول إلى الخادم</translation>
    </message>
    <message>
        <source>OK (version {version})</source>
        <translation>سليم (الإصدار {version})</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>This console&apos;s data file was damaged and no backup could be used: it starts empty and fills again from the server. Changes made here that had not reached the server are lost.</source>
        <translation>تلف ملف بيانات وحدة الموظف هذه ولم تُتح نسخة احتياطية صالحة: تبدأ فارغة وتمتلئ مجددًا من الخادم. التغييرات التي أُجريت هنا ولم تصل إلى الخادم فُقدت.</translation>
    </message>
    <message>
        <source>This console&apos;s data file was damaged and was replaced by the backup {backup}. The damaged file could not be read: changes made here after that backup come back only if they had reached the server; any that had not are lost.</source>
        <translation>تلف ملف بيانات وحدة الموظف هذه فاستُبدلت به النسخة الاحتياطية {backup}. تعذّرت قراءة الملف التالف: التغييرات التي أُجريت هنا بعد تلك النسخة تعود فقط إن كانت قد وصلت إلى الخادم، وما لم يصل منها فُقد.</translation>
    </message>
    <message>
        <source>A code is small English letters, digits and _, starting with a letter (e.g. lab_2).</source>
        <translation>الرمز حروف إنجليزية صغيرة وأرقام و _ ويبدأ بحرف (مثل lab_2).</translation>
    </message>
    <message>
        <source>Both the Arabic and the English name are needed.</source>
        <translation>يلزم إدخال الاسم العربي والاسم الإنجليزي معًا.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Call interval (s)</source>
        <translation>الفاصل بين النداءات (ثانية)</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>تستقبل</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>Men only</source>
        <translation>الرجال فقط</translation>
    </message>
    <message>
        <source>Women only</source>
        <translation>النساء فقط</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Clinic {code} saved.</source>
        <translation>تم حفظ العيادة {code}.</translation>
    </message>
    <message>
        <source>Route for men</source>
        <translation>مسار الرجال</translation>
    </message>
    <message>
        <source>Route for women</source>
        <translation>مسار النساء</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>An exam type needs a route for men, for women, or both.</source>
        <translation>نوع الفحص يحتاج مسارًا للرجال أو للنساء أو لكليهما.</translation>
    </message>
    <message>
        <source>Exam type {code} saved.</source>
        <translation>تم حفظ نوع الفحص {code}.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <source>A user name is 2 to 80 English letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>اسم المستخدم من 2 إلى 80 حرفًا إنجليزيًا أو رقمًا أو &apos;.&apos; أو &apos;_&apos; أو &apos;-&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>دون حد أدنى للأحرف</numerusform>
            <numerusform>حرف واحد على الأقل</numerusform>
            <numerusform>حرفان على الأقل</numerusform>
            <numerusform>%n أحرف على الأقل</numerusform>
            <numerusform>%n حرفًا على الأقل</numerusform>
            <numerusform>%n حرف على الأقل</numerusform>
        </translation>
    </message>
    <message>
        <source>No console (its PIN confirms patients nobody called)</source>
        <translation>بلا وحدة موظف (رمزها يؤكد من لم يُنادَ عليه)</translation>
    </message>
    <message>
        <source>Route for men of {exam}</source>
        <translation>مسار الرجال في {exam}</translation>
    </message>
    <message>
        <source>Route for women of {exam}</source>
        <translation>مسار النساء في {exam}</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>كلمة المرور لا تحتاج إلى حد أدنى من الأحرف.</numerusform>
            <numerusform>كلمة المرور تحتاج حرفًا واحدًا على الأقل.</numerusform>
            <numerusform>كلمة المرور تحتاج حرفين على الأقل.</numerusform>
            <numerusform>كلمة المرور تحتاج %n أحرف على الأقل.</numerusform>
            <numerusform>كلمة المرور تحتاج %n حرفًا على الأقل.</numerusform>
            <numerusform>كلمة المرور تحتاج %n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>User {name} saved.</source>
        <translation>تم حفظ المستخدم {name}.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>كلمة مرورك</translation>
    </message>
    <message>
        <source>Valid for (hours)</source>
        <translation>صالح لمدة (ساعة)</translation>
    </message>
    <message>
        <source>New enrollment code</source>
        <translation>رمز تسجيل جديد</translation>
    </message>
    <message>
        <source>A new kiosk, console or display enrolls with a one-time code. Ask the server for one here, or IT makes one on the server with: mmc server enroll-code</source>
        <translation>يُسجَّل الكشك أو وحدة الموظف أو الشاشة الجديدة برمز يُستخدم مرة واحدة. اطلبه من الخادم هنا، أو ينشئه قسم تقنية المعلومات على الخادم بالأمر: mmc server enroll-code</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>المحطة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>الحالة الفنية</translation>
    </message>
    <message>
        <source>Revoke the chosen device</source>
        <translation>إلغاء الجهاز المحدد</translation>
    </message>
    <message>
        <source>Tick the clinics this display shows, in the order of the Clinics tab. None ticked: every clinic.</source>
        <translation>اختر العيادات التي تعرضها هذه الشاشة، وتظهر بترتيب تبويب العيادات. إن لم تختر أيًّا منها، تُعرض كل العيادات.</translation>
    </message>
    <message>
        <source>Show these clinics on this display</source>
        <translation>اعرض هذه العيادات على هذه الشاشة</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>كشك</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>وحدة الموظف</translation>
    </message>
    <message>
        <source>Hall display</source>
        <translation>شاشة القاعة</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>One-machine site</source>
        <translation>موقع بجهاز واحد</translation>
    </message>
    <message>
        <source>Clinics on the display {station} ({name})</source>
        <translation>العيادات على الشاشة {station} ({name})</translation>
    </message>
    <message numerus="yes">
        <source>%n clinics chosen for {station}.</source>
        <translation>
            <numerusform>لم تُختر أي عيادة للشاشة {station}.</numerusform>
            <numerusform>اختيرت عيادة واحدة للشاشة {station}.</numerusform>
            <numerusform>اختيرت عيادتان للشاشة {station}.</numerusform>
            <numerusform>اختيرت %n عيادات للشاشة {station}.</numerusform>
            <numerusform>اختيرت %n عيادةً للشاشة {station}.</numerusform>
            <numerusform>اختيرت %n عيادة للشاشة {station}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{station} shows every clinic.</source>
        <translation>تعرض الشاشة {station} كل العيادات.</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Unknown: the server cannot be reached</source>
        <translation>غير معروفة: لا يمكن الوصول إلى الخادم</translation>
    </message>
    <message>
        <source>Choose a device in the list first.</source>
        <translation>اختر جهازًا من القائمة أولًا.</translation>
    </message>
    <message>
        <source>{station} cannot be revoked.</source>
        <translation>لا يمكن إلغاء {station}.</translation>
    </message>
    <message>
        <source>Revoke {station} ({kind})? The server refuses it from its next request; to work again it must be enrolled as a new device. This cannot be undone.</source>
        <translation>هل تريد إلغاء {station} ({kind})؟ سيرفض الخادم طلبه التالي، ولكي يعمل من جديد يجب تسجيله جهازًا جديدًا. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>{station} is revoked; the server refuses it once this console has synced.</source>
        <translation>أُلغي {station}؛ سيرفضه الخادم بعد أن تتزامن هذه الوحدة.</translation>
    </message>
    <message>
        <source>This console is not connected to a server, which makes the codes.</source>
        <translation>هذه الوحدة غير متصلة بخادم، والخادم هو الذي ينشئ الرموز.</translation>
    </message>
    <message>
        <source>Type your password to ask for a code.</source>
        <translation>اكتب كلمة مرورك لطلب رمز.</translation>
    </message>
    <message>
        <source>Asking the server for a code...</source>
        <translation>جارٍ طلب رمز من الخادم...</translation>
    </message>
    <message>
        <source>The server refused: {reason}</source>
        <translation>رفض الخادم الطلب: {reason}</translation>
    </message>
    <message>
        <source>The server cannot be reached now; try again when the console is online.</source>
        <translation>لا يمكن الوصول إلى الخادم الآن؛ أعد المحاولة عندما تكون الوحدة متصلة.</translation>
    </message>
    <message>
        <source>Type this code on the new device before {time}; it works once.</source>
        <translation>اكتب هذا الرمز على الجهاز الجديد قبل {time}؛ يصلح لمرة واحدة.</translation>
    </message>
    <message>
        <source>Site name (English)</source>
        <translation>اسم الموقع (بالإنجليزية)</translation>
    </message>
    <message>
        <source>Site name (Arabic)</source>
        <translation>اسم الموقع (بالعربية)</translation>
    </message>
    <message>
        <source>Kiosk returns to start after (s)</source>
        <translation>يعود الكشك إلى البداية بعد (ثانية)</translation>
    </message>
    <message>
        <source>Console locks after (s)</source>
        <translation>تُقفل وحدة الموظف بعد (ثانية)</translation>
    </message>
    <message>
        <source>Numbers per lease block</source>
        <translation>عدد الأرقام في كل دفعة محجوزة</translation>
    </message>
    <message>
        <source>The service day closes at (HH:MM, night or morning)</source>
        <translation>يُغلق يوم الخدمة عند الساعة (HH:MM، ليلًا أو صباحًا)</translation>
    </message>
    <message>
        <source>Recalls before a no-show (0: no limit)</source>
        <translation>مرات إعادة النداء قبل اعتباره غائبًا (0: بلا حد)</translation>
    </message>
    <message>
        <source>Priority patients: one in every N calls (1: always first, 0: none)</source>
        <translation>أصحاب الأولوية: واحد في كل N نداءات (1: دائمًا أولًا، 0: بلا أولوية)</translation>
    </message>
    <message>
        <source>ID number format</source>
        <translation>صيغة رقم الهوية</translation>
    </message>
    <message>
        <source>Patients still open when the day closes</source>
        <translation>المراجعون الباقون عند إغلاق اليوم</translation>
    </message>
    <message>
        <source>New kiosk exit code (4 to 8 digits; empty: keep it)</source>
        <translation>رمز خروج جديد للكشك (من 4 إلى 8 أرقام؛ فارغ: يبقى كما هو)</translation>
    </message>
    <message>
        <source>The hall display says each call in</source>
        <translation>لغات النداء في شاشة القاعة</translation>
    </message>
    <message>
        <source>Volume of the calls</source>
        <translation>مستوى صوت النداءات</translation>
    </message>
    <message>
        <source>Times each call is said</source>
        <translation>عدد مرات قول كل نداء</translation>
    </message>
    <message>
        <source>A chime before each call</source>
        <translation>نغمة تنبيه قبل كل نداء</translation>
    </message>
    <message>
        <source>are marked no-show</source>
        <translation>يُسجَّلون غائبين</translation>
    </message>
    <message>
        <source>keep their place in the next day&apos;s queues</source>
        <translation>يحتفظون بأماكنهم في طوابير اليوم التالي</translation>
    </message>
    <message>
        <source>Arabic, then English</source>
        <translation>العربية ثم الإنجليزية</translation>
    </message>
    <message>
        <source>English, then Arabic</source>
        <translation>الإنجليزية ثم العربية</translation>
    </message>
    <message>
        <source>Arabic only</source>
        <translation>العربية فقط</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>الإنجليزية فقط</translation>
    </message>
    <message>
        <source>This setting is a whole number from {low} to {high}: {value}</source>
        <translation>هذا الإعداد عدد صحيح من {low} إلى {high}: {value}</translation>
    </message>
    <message>
        <source>A setting cannot be left empty.</source>
        <translation>لا يمكن ترك أي إعداد فارغًا.</translation>
    </message>
    <message>
        <source>Digits only: exactly {count}</source>
        <translation>أرقام فقط: {count} بالضبط</translation>
    </message>
    <message>
        <source>Digits only: from {fewest} to {most}</source>
        <translation>أرقام فقط: من {fewest} إلى {most}</translation>
    </message>
    <message>
        <source>Regular expression: {pattern}</source>
        <translation>تعبير نمطي: {pattern}</translation>
    </message>
    <message>
        <source>Number of digits</source>
        <translation>عدد الأرقام</translation>
    </message>
    <message>
        <source>Fewest digits</source>
        <translation>أقل عدد من الأرقام</translation>
    </message>
    <message>
        <source>Most digits</source>
        <translation>أكبر عدد من الأرقام</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>التعبير النمطي</translation>
    </message>
    <message>
        <source>Type an ID number to test it</source>
        <translation>اكتب رقم هوية لتجربته</translation>
    </message>
    <message>
        <source>How are ID numbers written at this site?</source>
        <translation>كيف تُكتب أرقام الهوية في هذا الموقع؟</translation>
    </message>
    <message>
        <source>Digits only, always the same number of digits</source>
        <translation>أرقام فقط، بعدد ثابت من الأرقام</translation>
    </message>
    <message>
        <source>Digits only, a number of digits within a range</source>
        <translation>أرقام فقط، بعدد من الأرقام ضمن نطاق</translation>
    </message>
    <message>
        <source>Advanced: a regular expression (Python syntax, the whole ID must match)</source>
        <translation>متقدم: تعبير نمطي (بصيغة Python، ويجب أن يطابق رقم الهوية كله)</translation>
    </message>
    <message>
        <source>e.g. 28700000001</source>
        <translation>مثلًا 28700000001</translation>
    </message>
    <message>
        <source>Save the format</source>
        <translation>حفظ الصيغة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>The fewest digits cannot be more than the most.</source>
        <translation>لا يمكن أن يزيد أقل عدد من الأرقام على أكبر عدد.</translation>
    </message>
    <message>
        <source>The ID number format is not a valid regular expression.</source>
        <translation>صيغة رقم الهوية ليست تعبيرًا نمطيًا صحيحًا.</translation>
    </message>
    <message>
        <source>✓ Check-in accepts this ID number.</source>
        <translation>✓ تسجيل الحضور يقبل رقم الهوية هذا.</translation>
    </message>
    <message>
        <source>✗ Check-in refuses this ID number.</source>
        <translation>✗ تسجيل الحضور يرفض رقم الهوية هذا.</translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>تغيير...</translation>
    </message>
    <message>
        <source>The day closes at a time from 00:00 to 11:59, written HH:MM.</source>
        <translation>يُغلق اليوم في وقت بين 00:00 و11:59، يُكتب بالصيغة HH:MM.</translation>
    </message>
    <message>
        <source>The kiosk exit code has 4 to 8 digits.</source>
        <translation>رمز خروج الكشك من 4 إلى 8 أرقام.</translation>
    </message>
    <message numerus="yes">
        <source>%n settings saved.</source>
        <translation>
            <numerusform>لم يُحفظ أي إعداد.</numerusform>
            <numerusform>حُفظ إعداد واحد.</numerusform>
            <numerusform>حُفظ إعدادان.</numerusform>
            <numerusform>حُفظت %n إعدادات.</numerusform>
            <numerusform>حُفظ %n إعدادًا.</numerusform>
            <numerusform>حُفظ %n إعداد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ID number format is saved.</source>
        <translation>حُفظت صيغة رقم الهوية.</translation>
    </message>
    <message>
        <source>The ID number format is unchanged.</source>
        <translation>لم تتغير صيغة رقم الهوية.</translation>
    </message>
    <message>
        <source>Clinics</source>
        <translation>العيادات</translation>
    </message>
    <message>
        <source>Exam types</source>
        <translation>أنواع الفحص</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Action (e.g. call_next)</source>
        <translation>الإجراء (مثل call_next)</translation>
    </message>
    <message>
        <source>Text in target or detail</source>
        <translation>نص في الهدف أو التفاصيل</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>أي نتيجة</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message numerus="yes">
        <source>%n entries (newest first)</source>
        <translation>
            <numerusform>لا توجد سجلات</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان (الأحدث أولًا)</numerusform>
            <numerusform>%n سجلات (الأحدث أولًا)</numerusform>
            <numerusform>%n سجلًا (الأحدث أولًا)</numerusform>
            <numerusform>%n سجل (الأحدث أولًا)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, do it</source>
        <translation>نعم، نفّذ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>إغلاق اليوم</translation>
    </message>
    <message>
        <source>Average wait (min)</source>
        <translation>متوسط الانتظار (دقيقة)</translation>
    </message>
    <message>
        <source>Longest wait (min)</source>
        <translation>أطول انتظار (دقيقة)</translation>
    </message>
    <message>
        <source>Service day {day} in all clinics (closed)</source>
        <translation>يوم الخدمة {day} في جميع العيادات (مُغلق)</translation>
    </message>
    <message>
        <source>Service day {day} in all clinics</source>
        <translation>يوم الخدمة {day} في جميع العيادات</translation>
    </message>
    <message>
        <source>Waiting {waiting} · called {called} · in service {serving} · served {served}</source>
        <translation>في الانتظار {waiting} · تم النداء {called} · قيد الخدمة {serving} · تمت خدمتهم {served}</translation>
    </message>
    <message>
        <source>Waiting and served, busiest clinics</source>
        <translation>المنتظرون والمخدومون في أكثر العيادات ازدحامًا</translation>
    </message>
    <message>
        <source>Served per hour</source>
        <translation>المخدومون في كل ساعة</translation>
    </message>
    <message numerus="yes">
        <source>Close service day {day}? The %n patients still waiting or in service keep their place in tomorrow&apos;s queues; nobody more can check in today.</source>
        <translation>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ لا يوجد مراجعون منتظرون أو قيد الخدمة، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يحتفظ مراجع واحد منتظر أو قيد الخدمة بمكانه في طوابير الغد، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يحتفظ مراجعان منتظران أو قيد الخدمة بمكانيهما في طوابير الغد، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يحتفظ %n مراجعين منتظرين أو قيد الخدمة بأماكنهم في طوابير الغد، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يحتفظ %n مراجعًا منتظرًا أو قيد الخدمة بأماكنهم في طوابير الغد، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يحتفظ %n مراجع منتظر أو قيد الخدمة بأماكنهم في طوابير الغد، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close service day {day}? The %n patients still waiting or in service are marked no-show; nobody more can check in today.</source>
        <translation>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ لا يوجد مراجعون منتظرون أو قيد الخدمة، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يُسجَّل مراجع واحد منتظر أو قيد الخدمة غائبًا، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يُسجَّل مراجعان منتظران أو قيد الخدمة غائبَين، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يُسجَّل %n مراجعين منتظرين أو قيد الخدمة غائبين، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يُسجَّل %n مراجعًا منتظرًا أو قيد الخدمة غائبين، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
            <numerusform>هل تريد إغلاق يوم الخدمة {day}؟ يُسجَّل %n مراجع منتظر أو قيد الخدمة غائبين، ولا يمكن بعدها تسجيل حضور أي مراجع اليوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service day {day} is closed; %n patients were carried over to the next day.</source>
        <translation>
            <numerusform>أُغلق يوم الخدمة {day}؛ لم يُنقل أي مراجع إلى اليوم التالي.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ نُقل مراجع واحد إلى اليوم التالي.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ نُقل مراجعان إلى اليوم التالي.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ نُقل %n مراجعين إلى اليوم التالي.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ نُقل %n مراجعًا إلى اليوم التالي.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ نُقل %n مراجع إلى اليوم التالي.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service day {day} is closed; %n patients still open were marked no-show.</source>
        <translation>
            <numerusform>أُغلق يوم الخدمة {day}؛ لم يبقَ أي مراجع ليُسجَّل غائبًا.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ سُجِّل مراجع واحد باقٍ غائبًا.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ سُجِّل مراجعان باقيان غائبَين.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ سُجِّل %n مراجعين باقين غائبين.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ سُجِّل %n مراجعًا باقيًا غائبين.</numerusform>
            <numerusform>أُغلق يوم الخدمة {day}؛ سُجِّل %n مراجع باقٍ غائبين.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Log in as another user</source>
        <translation>الدخول بمستخدم آخر</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Locked. {user}, enter your password to go on.</source>
        <translation>الوحدة مقفلة. {user}، أدخل كلمة المرور للمتابعة.</translation>
    </message>
    <message>
        <source>Staff console: log in</source>
        <translation>وحدة الموظف: تسجيل الدخول</translation>
    </message>
    <message>
        <source>Checking the password...</source>
        <translation>جارٍ التحقق من كلمة المرور...</translation>
    </message>
    <message>
        <source>e.g. 2</source>
        <translation>مثال: 2</translation>
    </message>
    <message>
        <source>Today&apos;s PIN</source>
        <translation>رمز اليوم</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>رمز جديد</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>نداء التالي</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>نداء</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>إعادة النداء</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>بدء الخدمة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>تحويل إلى</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>إلغاء التذكرة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Waiting (min)</source>
        <translation>الانتظار (دقيقة)</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>نادى عليه</translation>
    </message>
    <message>
        <source>Send to clinic...</source>
        <translation>التحويل إلى عيادة...</translation>
    </message>
    <message>
        <source>Called {number}.</source>
        <translation>تم النداء على {number}.</translation>
    </message>
    <message>
        <source>Choose a patient in the list first.</source>
        <translation>اختر مراجعًا من القائمة أولًا.</translation>
    </message>
    <message>
        <source>Completed {number}; that was the last clinic of their route.</source>
        <translation>انتهت خدمة {number}؛ كانت هذه آخر عيادة في مساره.</translation>
    </message>
    <message>
        <source>Recalled {number}.</source>
        <translation>أُعيد النداء على {number}.</translation>
    </message>
    <message>
        <source>Started serving {number}.</source>
        <translation>بدأت خدمة {number}.</translation>
    </message>
    <message>
        <source>Completed {number}.</source>
        <translation>انتهت خدمة {number}.</translation>
    </message>
    <message>
        <source>Find a patient by ID or ticket number</source>
        <translation>ابحث عن مراجع برقم الهوية أو رقم التذكرة</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Walk-in: the patient&apos;s ID number</source>
        <translation>حضور مباشر: رقم هوية المراجع</translation>
    </message>
    <message>
        <source>Issue a ticket</source>
        <translation>إصدار تذكرة</translation>
    </message>
    <message>
        <source>Reason shown in the hall, e.g. prayer break</source>
        <translation>السبب الظاهر في القاعة، مثل استراحة الصلاة</translation>
    </message>
    <message>
        <source>Let them use the PIN again</source>
        <translation>اسمح له باستخدام الرمز مجددًا</translation>
    </message>
    <message>
        <source>Call the chosen patient</source>
        <translation>نداء المراجع المختار</translation>
    </message>
    <message>
        <source>Completed {number}; next: {clinic}, room {room}, number {next}.</source>
        <translation>انتهت خدمة {number}؛ عيادته التالية: {clinic}، غرفة {room}، الرقم {next}.</translation>
    </message>
    <message>
        <source>{number} marked as no-show.</source>
        <translation>سُجّل {number} غائبًا.</translation>
    </message>
    <message>
        <source>Cancelled {number}.</source>
        <translation>أُلغيت التذكرة {number}.</translation>
    </message>
    <message>
        <source>{number} is set aside; choose them in the list and call them again when they are ready.</source>
        <translation>أُجِّل الرقم {number}؛ اختره من القائمة وناده مرة أخرى حين يكون جاهزًا.</translation>
    </message>
    <message>
        <source>No answer to the recalls: {number} is marked as no-show.</source>
        <translation>لا استجابة لإعادة النداء: سُجّل {number} غائبًا.</translation>
    </message>
    <message>
        <source>Remove priority</source>
        <translation>إلغاء الأولوية</translation>
    </message>
    <message>
        <source>Mark priority</source>
        <translation>منح الأولوية</translation>
    </message>
    <message>
        <source>{number} is a priority patient now, here and at the next clinics.</source>
        <translation>للرقم {number} أولوية الآن، هنا وفي العيادات التالية.</translation>
    </message>
    <message>
        <source>{number} is no longer a priority patient.</source>
        <translation>لم تعد للرقم {number} أولوية.</translation>
    </message>
    <message>
        <source>Undo ({number})</source>
        <translation>تراجع ({number})</translation>
    </message>
    <message>
        <source>{number} is back in its place in the queue.</source>
        <translation>عاد {number} إلى مكانه في الطابور.</translation>
    </message>
    <message>
        <source>Mark {number} as no-show? It can be undone for 5 minutes.</source>
        <translation>تسجيل {number} غائبًا؟ يمكن التراجع خلال 5 دقائق.</translation>
    </message>
    <message>
        <source>Cancel ticket {number}? It can be undone for 5 minutes.</source>
        <translation>إلغاء التذكرة {number}؟ يمكن التراجع خلال 5 دقائق.</translation>
    </message>
    <message>
        <source>Choose the clinic to send {number} to.</source>
        <translation>اختر العيادة التي يُحوَّل إليها {number}.</translation>
    </message>
    <message>
        <source>{number} moved to {clinic} as {new}.</source>
        <translation>حُوِّل {number} إلى {clinic} بالرقم {new}.</translation>
    </message>
    <message>
        <source>Move {number} to the end of the queue of {clinic}? This cannot be undone.</source>
        <translation>تحويل {number} إلى آخر طابور {clinic}؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>Type the patient&apos;s ID number and choose the exam type.</source>
        <translation>اكتب رقم هوية المراجع واختر نوع الفحص.</translation>
    </message>
    <message>
        <source>Ticket {number} at {clinic}; tell the patient the number.</source>
        <translation>التذكرة {number} في {clinic}؛ أخبر المراجع بالرقم.</translation>
    </message>
    <message>
        <source>Resume the clinic</source>
        <translation>استئناف العيادة</translation>
    </message>
    <message>
        <source>Pause the clinic</source>
        <translation>إيقاف العيادة مؤقتًا</translation>
    </message>
    <message>
        <source>The clinic works again; the hall display no longer shows the pause.</source>
        <translation>عادت العيادة للعمل؛ لم تعد شاشة القاعة تعرض التوقف.</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Paused; the hall display shows: {reason}</source>
        <translation>متوقفة مؤقتًا؛ تعرض شاشة القاعة: {reason}</translation>
    </message>
    <message>
        <source>Nobody found today for {text}.</source>
        <translation>لم يُعثر اليوم على أحد بالرقم {text}.</translation>
    </message>
    <message numerus="yes">
        <source>%n patients have this number today; type the ID.</source>
        <translation>
            <numerusform>لا مراجعين بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
            <numerusform>مراجع واحد بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
            <numerusform>مراجعان بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
            <numerusform>%n مراجعين بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
            <numerusform>%n مراجعًا بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
            <numerusform>%n مراجع بهذا الرقم اليوم؛ اكتب رقم الهوية.</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}: no clinic left today.</source>
        <translation>{id}: لا عيادة متبقية اليوم.</translation>
    </message>
    <message>
        <source>{id}: {clinic}, number {number} ({status})</source>
        <translation>{id}: {clinic}، الرقم {number} ({status})</translation>
    </message>
    <message>
        <source>locked out of the PIN until {time}</source>
        <translation>ممنوع من استخدام الرمز حتى {time}</translation>
    </message>
    <message>
        <source>{id} may use the clinic&apos;s PIN again.</source>
        <translation>يمكن للمراجع {id} استخدام رمز العيادة مجددًا.</translation>
    </message>
    <message>
        <source>The new PIN of this clinic is {pin}; every kiosk gets it at its next sync.</source>
        <translation>الرمز الجديد لهذه العيادة هو {pin}؛ يصل إلى كل كشك عند المزامنة التالية.</translation>
    </message>
    <message>
        <source>Give this clinic a new PIN for the rest of today?</source>
        <translation>إعطاء هذه العيادة رمزًا جديدًا لبقية اليوم؟</translation>
    </message>
    <message>
        <source>{clinic} (on their route)</source>
        <translation>{clinic} (ضمن مساره)</translation>
    </message>
    <message>
        <source>{clinic} (done already)</source>
        <translation>{clinic} (أنجزها)</translation>
    </message>
    <message>
        <source>{status}, priority</source>
        <translation>{status}، أولوية</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>تعذّر حفظ التقرير: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>تم الحفظ في {path}</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>آخر إرسال</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>آخر استلام</translation>
    </message>
    <message>
        <source>Actions the server refused</source>
        <translation>إجراءات رفضها الخادم</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Not connected to a server: this console is a one-machine site.</source>
        <translation>غير متصل بخادم: هذه الوحدة موقع بجهاز واحد.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Offline since {time}: {problem}</source>
        <translation>غير متصل منذ {time}: {problem}</translation>
    </message>
    <message>
        <source>Offline since {time}.</source>
        <translation>غير متصل منذ {time}.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>التذاكر</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>محوَّل</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>منقول لليوم التالي</translation>
    </message>
    <message>
        <source>Average service (min)</source>
        <translation>متوسط مدة الخدمة (دقيقة)</translation>
    </message>
    <message>
        <source>Exam type</source>
        <translation>نوع الفحص</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>الزيارات</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>المكتملة</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>يومي</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>أسبوعي</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهري</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>سنوي</translation>
    </message>
    <message>
        <source>{period} report, {first} to {last}</source>
        <translation>تقرير {period}، من {first} إلى {last}</translation>
    </message>
    <message>
        <source>Tickets and served per clinic</source>
        <translation>التذاكر والمخدومون لكل عيادة</translation>
    </message>
    <message>
        <source>Visits per exam type</source>
        <translation>الزيارات لكل نوع فحص</translation>
    </message>
    <message>
        <source>Tickets: {tickets} · served: {served}</source>
        <translation>التذاكر: {tickets} · المخدومون: {served}</translation>
    </message>
    <message>
        <source>MMC-MMS staff console</source>
        <translation>وحدة الموظف - نظام اللجنة الطبية</translation>
    </message>
    <message>
        <source>Kiosk {station} asks for staff (since {time}).</source>
        <translation>الكشك {station} يطلب موظفًا (منذ {time}).</translation>
    </message>
    <message numerus="yes">
        <source>%n calls in all.</source>
        <translation>
            <numerusform>لا طلبات.</numerusform>
            <numerusform>طلب واحد في المجموع.</numerusform>
            <numerusform>طلبان في المجموع.</numerusform>
            <numerusform>%n طلبات في المجموع.</numerusform>
            <numerusform>%n طلبًا في المجموع.</numerusform>
            <numerusform>%n طلب في المجموع.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am going</source>
        <translation>سأتوجّه إليه</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>قفل (Ctrl+L)</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
    <message>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>الطابور</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>About</source>
        <translation>حول البرنامج</translation>
    </message>
    <message>
        <source>{name} (closed)</source>
        <translation>{name} (مغلقة)</translation>
    </message>
    <message>
        <source>Patients go through these clinics in this order. Add the clinics they need, remove the others.</source>
        <translation>يمر المراجعون بهذه العيادات بهذا الترتيب. أضف العيادات التي يحتاجونها، وأزل غيرها.</translation>
    </message>
    <message>
        <source>The route, in order</source>
        <translation>المسار، بالترتيب</translation>
    </message>
    <message>
        <source>Clinics not in the route</source>
        <translation>عيادات ليست في المسار</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>تقديم</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>تأخير</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Add to the route</source>
        <translation>إضافة إلى المسار</translation>
    </message>
    <message>
        <source>Use this route</source>
        <translation>اعتماد هذا المسار</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>تعديل...</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>لا مسار</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>Built {date}</source>
        <translation>تاريخ البناء {date}</translation>
    </message>
    <message>
        <source>Run from source, not a build</source>
        <translation>يعمل من الشيفرة المصدرية، ليس نسخة مبنية</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <source>Commit {commit}</source>
        <translation>المراجعة {commit}</translation>
    </message>
    <message>
        <source>MMC-MMS · {details}</source>
        <translation>نظام MMC-MMS · {details}</translation>
    </message>
</context>
<context>
    <name>Announcement</name>
    <message>
        <source>Number {number}, {clinic}, room {room}</source>
        <translation>الرقم {number}، {clinic}، غرفة {room}</translation>
    </message>
    <message>
        <source>Number {number}, {clinic}</source>
        <translation>الرقم {number}، {clinic}</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Clinic</source>
        <translation>العيادة</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>الغرفة</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>المنتظرون</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>آخر النداءات</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>{number} · {clinic} · room {room}</source>
        <translation>{number} · {clinic} · غرفة {room}</translation>
    </message>
    <message>
        <source>{number} · {clinic}</source>
        <translation>{number} · {clinic}</translation>
    </message>
    <message>
        <source>{call} (called again)</source>
        <translation>{call} (نداء مكرر)</translation>
    </message>
</context>
<context>
    <name>ExamScreen</name>
    <message>
        <source>Choose your examination</source>
        <translation>اختر نوع الفحص</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>GenderScreen</name>
    <message>
        <source>Choose your gender</source>
        <translation>اختر الجنس</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>IdScreen</name>
    <message>
        <source>Enter your ID number</source>
        <translation>أدخل رقم الهوية</translation>
    </message>
    <message>
        <source>Use the keys below, then touch OK</source>
        <translation>استخدم الأزرار أدناه، ثم المس «موافق»</translation>
    </message>
    <message>
        <source>Enter your ID number or scan your ticket</source>
        <translation>أدخل رقم الهوية أو اعرض تذكرتك على الماسح</translation>
    </message>
    <message>
        <source>Hold the QR code of your ticket under the scanner, or type your ID</source>
        <translation>ضع رمز QR الموجود على تذكرتك تحت الماسح، أو اكتب رقم هويتك</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear</source>
        <translation>مسح الكل</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Check-in kiosk</source>
        <translation>جهاز تسجيل الحضور</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>خط كبير</translation>
    </message>
    <message>
        <source>Staff have been called. Please wait here.</source>
        <translation>تم استدعاء الموظفين. يرجى الانتظار هنا.</translation>
    </message>
    <message>
        <source>Please ask at the reception desk.</source>
        <translation>يرجى السؤال في مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>To check in, type your ID number.</source>
        <translation>لتسجيل الحضور، اكتب رقم هويتك.</translation>
    </message>
    <message>
        <source>You have already checked in today.</source>
        <translation>لقد سجّلت حضورك اليوم من قبل.</translation>
    </message>
    <message>
        <source>Here is your place. Touch “Print my ticket” for another copy.</source>
        <translation>هذا مكانك. المس «اطبع تذكرتي» لنسخة أخرى.</translation>
    </message>
    <message>
        <source>Thank you. {clinic} is done.</source>
        <translation>شكرًا لك. تم إنهاء {clinic}.</translation>
    </message>
    <message>
        <source>You have finished every clinic of your route.</source>
        <translation>لقد أنهيت جميع عيادات مسارك.</translation>
    </message>
    <message>
        <source>Please go to your next clinic.</source>
        <translation>يرجى التوجه إلى عيادتك التالية.</translation>
    </message>
    <message>
        <source>Your route is complete.</source>
        <translation>اكتمل مسارك.</translation>
    </message>
    <message>
        <source>You have finished every clinic.</source>
        <translation>لقد أنهيت جميع العيادات.</translation>
    </message>
    <message>
        <source>Your visit was cancelled.</source>
        <translation>تم إلغاء زيارتك.</translation>
    </message>
    <message>
        <source>Please ask the reception desk.</source>
        <translation>يرجى مراجعة مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>You are being served.</source>
        <translation>يتم الآن خدمتك.</translation>
    </message>
    <message>
        <source>Your number has been called.</source>
        <translation>نودي على رقمك.</translation>
    </message>
    <message>
        <source>Please go to the clinic now.</source>
        <translation>يرجى التوجّه إلى العيادة الآن.</translation>
    </message>
    <message>
        <source>You are in the queue.</source>
        <translation>أنت في الطابور.</translation>
    </message>
    <message>
        <source>The printer is not working. Please take a photo of this screen; your place is kept.</source>
        <translation>الطابعة لا تعمل. يرجى تصوير هذه الشاشة؛ دورك محفوظ.</translation>
    </message>
    <message>
        <source>No printer is set up here: your ticket was saved.</source>
        <translation>لا توجد طابعة هنا: تذكرتك محفوظة.</translation>
    </message>
    <message>
        <source>Your ticket is printing. Please take it below.</source>
        <translation>تتم طباعة تذكرتك. يرجى أخذها من الأسفل.</translation>
    </message>
    <message numerus="yes">
        <source>No one there? Back to the start in %n seconds. Touch the screen to stay.</source>
        <translation>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية الآن. المس الشاشة للبقاء.</numerusform>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية خلال ثانية واحدة. المس الشاشة للبقاء.</numerusform>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية خلال ثانيتين. المس الشاشة للبقاء.</numerusform>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية خلال %n ثوانٍ. المس الشاشة للبقاء.</numerusform>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية خلال %n ثانيةً. المس الشاشة للبقاء.</numerusform>
            <numerusform>هل ما زلت هنا؟ العودة إلى البداية خلال %n ثانية. المس الشاشة للبقاء.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This exam type is not available for the gender you chose. Please choose another.</source>
        <translation>نوع الفحص هذا غير متاح للجنس الذي اخترته. يرجى اختيار نوع آخر.</translation>
    </message>
    <message>
        <source>The clinic {clinic} cannot receive you now. Please ask the reception desk.</source>
        <translation>لا يمكن لعيادة {clinic} استقبالك الآن. يرجى مراجعة مكتب الاستقبال.</translation>
    </message>
    <message>
        <source>This exam type is not available today. Please choose another.</source>
        <translation>نوع الفحص هذا غير متاح اليوم. يرجى اختيار نوع آخر.</translation>
    </message>
    <message>
        <source>You have already checked in today. Use “Where am I?” to see your place.</source>
        <translation>لقد سجلت حضورك اليوم بالفعل. استخدم «أين دوري؟» لمعرفة مكانك.</translation>
    </message>
    <message>
        <source>No visit was found for today with this ID. Please check it, or check in first.</source>
        <translation>لا توجد زيارة اليوم برقم الهوية هذا. يرجى التأكد منه، أو تسجيل الحضور أولًا.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again after {time}, or ask the clinic staff.</source>
        <translation>محاولات خاطئة كثيرة. يرجى المحاولة بعد الساعة {time}، أو مراجعة موظفي العيادة.</translation>
    </message>
    <message>
        <source>You have finished every clinic of your route. Thank you.</source>
        <translation>لقد أنهيت جميع عيادات مسارك. شكرًا لك.</translation>
    </message>
    <message>
        <source>This ID number is not valid. Type only the digits of your ID card, then touch OK.</source>
        <translation>رقم الهوية غير صحيح. اكتب أرقام بطاقة هويتك فقط، ثم المس «موافق».</translation>
    </message>
    <message>
        <source>The clinic code is a number from 10 to 99. Please ask the clinic staff for it.</source>
        <translation>رمز العيادة رقم من 10 إلى 99. يرجى طلبه من موظفي العيادة.</translation>
    </message>
    <message>
        <source>Check-in has closed for today. Please come back on the next working day.</source>
        <translation>انتهى تسجيل الحضور لهذا اليوم. يرجى العودة في يوم العمل التالي.</translation>
    </message>
    <message>
        <source>This kiosk cannot save anything right now. Please use another kiosk or ask the staff.</source>
        <translation>لا يستطيع هذا الجهاز حفظ أي شيء الآن. يُرجى استخدام جهاز آخر أو مراجعة الموظفين.</translation>
    </message>
    <message>
        <source>You are already in this clinic&apos;s queue.</source>
        <translation>أنت مسجل بالفعل في طابور هذه العيادة.</translation>
    </message>
    <message>
        <source>You have not been called at {clinic} yet. Please wait for your number on the hall screen.</source>
        <translation>لم يحن دورك في {clinic} بعد. يرجى انتظار ظهور رقمك على شاشة القاعة.</translation>
    </message>
    <message numerus="yes">
        <source>This code is not right for {clinic}. %n attempts left.</source>
        <translation>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. لم تبقَ أي محاولة.</numerusform>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. بقيت محاولة واحدة.</numerusform>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. بقيت محاولتان.</numerusform>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. بقيت %n محاولات.</numerusform>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. بقيت %n محاولةً.</numerusform>
            <numerusform>هذا الرمز غير صحيح لعيادة {clinic}. بقيت %n محاولة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong. Please ask the reception desk for help.</source>
        <translation>حدث خطأ ما. يرجى طلب المساعدة من مكتب الاستقبال.</translation>
    </message>
</context>
<context>
    <name>PhoneScreen</name>
    <message>
        <source>This is not a mobile number we can send to. Please check it, or touch Skip.</source>
        <translation>هذا ليس رقم جوال يمكننا الإرسال إليه. يرجى التحقق منه، أو المس «تخطي».</translation>
    </message>
    <message>
        <source>Get an SMS when it&apos;s your turn?</source>
        <translation>هل تريد رسالة نصية عندما يحين دورك؟</translation>
    </message>
    <message>
        <source>Type your mobile number, then touch OK</source>
        <translation>اكتب رقم جوالك، ثم المس «موافق»</translation>
    </message>
    <message>
        <source>Your number is used only for today&apos;s messages, then deleted.</source>
        <translation>يُستخدم رقمك لرسائل اليوم فقط، ثم يُحذف.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تخطي</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Enter the clinic&apos;s code</source>
        <translation>أدخل رمز العيادة</translation>
    </message>
    <message>
        <source>The clinic staff give you a two-digit code when you are done</source>
        <translation>يعطيك موظفو العيادة رمزًا من رقمين عند انتهائك</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>PlaceScreen</name>
    <message>
        <source>Print my ticket</source>
        <translation>اطبع تذكرتي</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>Wrong code.</source>
        <translation>رمز خاطئ.</translation>
    </message>
    <message>
        <source>Staff: enter the exit code</source>
        <translation>للموظفين: أدخل رمز الخروج</translation>
    </message>
    <message>
        <source>Only for the committee&apos;s staff</source>
        <translation>لموظفي اللجنة فقط</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message numerus="yes">
        <source>Disk full: nothing new can be saved · %n waiting to send</source>
        <translation>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · لا شيء بانتظار الإرسال</numerusform>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · تغيير واحد بانتظار الإرسال</numerusform>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · تغييران بانتظار الإرسال</numerusform>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · %n تغييرات بانتظار الإرسال</numerusform>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · %n تغييرًا بانتظار الإرسال</numerusform>
            <numerusform>القرص ممتلئ: لا يمكن حفظ أي شيء جديد · %n تغيير بانتظار الإرسال</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message numerus="yes">
        <source>Offline since {time} · %n waiting to send</source>
        <translation>
            <numerusform>غير متصل منذ {time} · لا شيء بانتظار الإرسال</numerusform>
            <numerusform>غير متصل منذ {time} · تغيير واحد بانتظار الإرسال</numerusform>
            <numerusform>غير متصل منذ {time} · تغييران بانتظار الإرسال</numerusform>
            <numerusform>غير متصل منذ {time} · %n تغييرات بانتظار الإرسال</numerusform>
            <numerusform>غير متصل منذ {time} · %n تغييرًا بانتظار الإرسال</numerusform>
            <numerusform>غير متصل منذ {time} · %n تغيير بانتظار الإرسال</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer&apos;s clock is off by {offset} (hours:minutes)</source>
        <translation>ساعة هذا الجهاز مختلفة بمقدار {offset} (ساعات:دقائق)</translation>
    </message>
    <message>
        <source>{state} · warning: {warning}</source>
        <translation>{state} · تنبيه: {warning}</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>{clinic}, room {room}</source>
        <translation>{clinic}، غرفة {room}</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>رقمك</translation>
    </message>
    <message numerus="yes">
        <source>%n people ahead</source>
        <translation>
            <numerusform>لا أحد أمامك</numerusform>
            <numerusform>أمامك شخص واحد</numerusform>
            <numerusform>أمامك شخصان</numerusform>
            <numerusform>أمامك %n أشخاص</numerusform>
            <numerusform>أمامك %n شخصًا</numerusform>
            <numerusform>أمامك %n شخص</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>أقل من دقيقة</numerusform>
            <numerusform>حوالي دقيقة واحدة</numerusform>
            <numerusform>حوالي دقيقتين</numerusform>
            <numerusform>حوالي %n دقائق</numerusform>
            <numerusform>حوالي %n دقيقةً</numerusform>
            <numerusform>حوالي %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>لا أحد أمامك</translation>
    </message>
    <message>
        <source>Your route</source>
        <translation>مسارك</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>You are checked in</source>
        <translation>تم تسجيل حضورك</translation>
    </message>
    <message>
        <source>Print my ticket</source>
        <translation>اطبع تذكرتي</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Your number has been called. Please go to the clinic now.</source>
        <translation>نودي على رقمك. يرجى التوجّه إلى العيادة الآن.</translation>
    </message>
    <message>
        <source>The clinic has set your number aside. Stay near it: staff will call you again.</source>
        <translation>أجّلت العيادة دورك مؤقتًا. ابقَ قريبًا منها، فسيناديك الموظفون مرة أخرى.</translation>
    </message>
    <message>
        <source>Nobody is ahead of you. Wait near the clinic until your number is called.</source>
        <translation>لا أحد أمامك. انتظر قرب العيادة حتى يُنادى رقمك.</translation>
    </message>
    <message numerus="yes">
        <source>%n people ahead of you</source>
        <translation>
            <numerusform>لا أحد أمامك</numerusform>
            <numerusform>أمامك شخص واحد</numerusform>
            <numerusform>أمامك شخصان</numerusform>
            <numerusform>أمامك %n أشخاص</numerusform>
            <numerusform>أمامك %n شخصًا</numerusform>
            <numerusform>أمامك %n شخص</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minutes</source>
        <translation>
            <numerusform>أقل من دقيقة</numerusform>
            <numerusform>حوالي دقيقة واحدة</numerusform>
            <numerusform>حوالي دقيقتين</numerusform>
            <numerusform>حوالي %n دقائق</numerusform>
            <numerusform>حوالي %n دقيقةً</numerusform>
            <numerusform>حوالي %n دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>أهلًا وسهلًا</translation>
    </message>
    <message>
        <source>Touch what you want to do</source>
        <translation>المس ما تريد القيام به</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Check in for my examination</source>
        <translation>تسجيل الحضور للفحص</translation>
    </message>
    <message>
        <source>I finished a clinic</source>
        <translation>أنهيت عيادة</translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation>أين دوري؟</translation>
    </message>
</context>
</TS>
