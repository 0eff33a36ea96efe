<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
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
        <translation>استخدم الأزرار أدناه، ثم المس موافق</translation>
    </message>
    <message>
        <source>Enter your ID number or scan your ticket</source>
        <translation>أدخل رقم الهوية أو امسح تذكرتك</translation>
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
        <translation>مسح</translation>
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
        <source>To check in, type your ID number.</source>
        <translation>لتسجيل الحضور، اكتب رقم هويتك.</translation>
    </message>
    <message>
        <source>Thank you. {clinic} is done.</source>
        <translation>شكراً لك. تم إنهاء {clinic}.</translation>
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
        <source>You are in the queue.</source>
        <translation>أنت في الطابور.</translation>
    </message>
    <message>
        <source>The printer is not working. Please take a photo of this screen; your place is kept.</source>
        <translation>الطابعة لا تعمل. يرجى تصوير هذه الشاشة؛ دورك محفوظ.</translation>
    </message>
    <message>
        <source>No printer is set up here: your ticket was saved.</source>
        <translation>لا توجد طابعة مهيأة هنا: تم حفظ تذكرتك.</translation>
    </message>
    <message>
        <source>Your ticket is printing. Please take it below.</source>
        <translation>تتم طباعة تذكرتك. يرجى أخذها من الأسفل.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Offline since {time} · {count} waiting to send</source>
        <translation>غير متصل منذ {time} · {count} بانتظار الإرسال</translation>
    </message>
    <message>
        <source>No one there? Back to the start in {seconds} s. Touch the screen to stay.</source>
        <translation>هل ما زلت هنا؟ العودة إلى البداية خلال {seconds} ثانية. المس الشاشة للبقاء.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This ID number is not valid. Please check it and try again.</source>
        <translation>رقم الهوية غير صحيح. يرجى التحقق منه والمحاولة مرة أخرى.</translation>
    </message>
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
        <translation>لم يتم العثور على زيارة اليوم بهذا الرقم. يرجى التحقق منه، أو تسجيل الحضور أولاً.</translation>
    </message>
    <message>
        <source>The clinic code has two digits. Please ask the clinic staff for it.</source>
        <translation>رمز العيادة مكوّن من رقمين. يرجى طلبه من موظفي العيادة.</translation>
    </message>
    <message>
        <source>This code is not right for {clinic}. Attempts left: {left}.</source>
        <translation>هذا الرمز غير صحيح لعيادة {clinic}. المحاولات المتبقية: {left}.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again after {time}, or ask the clinic staff.</source>
        <translation>محاولات خاطئة كثيرة. يرجى المحاولة بعد الساعة {time}، أو مراجعة موظفي العيادة.</translation>
    </message>
    <message>
        <source>You have finished every clinic of your route. Thank you.</source>
        <translation>لقد أنهيت جميع عيادات مسارك. شكراً لك.</translation>
    </message>
    <message>
        <source>You are already in this clinic&apos;s queue.</source>
        <translation>أنت مسجل بالفعل في طابور هذه العيادة.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask the reception desk for help.</source>
        <translation>حدث خطأ ما. يرجى طلب المساعدة من مكتب الاستقبال.</translation>
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
        <translation>يعطيك موظفو العيادة رمزاً من رقمين عند انتهائك</translation>
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
    <name>Ticket</name>
    <message>
        <source>{clinic}, room {room}</source>
        <translation>{clinic}، غرفة {room}</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>رقمك</translation>
    </message>
    <message>
        <source>People ahead: {ahead} · about {minutes} min</source>
        <translation>المنتظرون قبلك: {ahead} · حوالي {minutes} دقيقة</translation>
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
        <source>You are next. Please go to the clinic.</source>
        <translation>حان دورك. يرجى التوجه إلى العيادة.</translation>
    </message>
    <message>
        <source>People ahead of you: {ahead} · about {minutes} minutes</source>
        <translation>عدد المنتظرين قبلك: {ahead} · حوالي {minutes} دقيقة</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>أهلاً وسهلاً</translation>
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
